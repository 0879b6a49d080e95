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

#ifdef __linux__
/// prctl(2) with its integer arguments (the C library declares it variadic, which Swift cannot call).
int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
/// prctl(2) option: orphaned descendants are reparented to this process instead of init.
#define PLANBOOK_PR_SET_CHILD_SUBREAPER 36
#endif
