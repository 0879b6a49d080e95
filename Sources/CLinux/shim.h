// The GNU extensions of the C library that Planbook calls, which Swift's Glibc module does not declare (it is built
// without _GNU_SOURCE). Declared here as glibc (2.34 and later) declares them; they link from libc itself.
#ifdef __linux__
#include <sys/types.h>
#include <sys/resource.h>

/// renameat2(2) flag: exchange the two paths atomically.
#define PLANBOOK_RENAME_EXCHANGE (1 << 1)

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
int pipe2(int pipefd[2], int flags);
int close_range(unsigned int first, unsigned int last, int flags);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
#endif
