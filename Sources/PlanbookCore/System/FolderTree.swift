import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder read and changed without ever following a symbolic link.
///
/// The folder itself must not be a link (callers resolve the output folder first, on purpose). Every path is walked
/// one component at a time from the folder with `openat(O_NOFOLLOW)`, and entries are removed with `unlinkat` on the
/// folder that holds them: a link planted anywhere inside (`site/assets → /home/you`) is seen, reported and at most
/// removed itself — never gone through. This is how Planbook deletes.
struct FolderTree {
    /// What an entry is (its own type: a link is a link, whatever it points at).
    enum Kind: Sendable, Equatable {
        case file, folder, link, other
    }

    /// The folder.
    let root: URL

    /// Every entry under the root, by relative path, parents before children, without entering links.
    func entries() -> [(path: String, kind: Kind)] {
        guard let descriptor = openFolder("") else { return [] }
        var result: [(String, Kind)] = []
        collect(descriptor, prefix: "", into: &result)
        close(descriptor)
        return result
    }

    /// The kind of the entry at `path`, or nil when it is missing or reached only through a link.
    func kind(of path: String) -> Kind? {
        guard let (folder, name) = openParent(of: path) else { return nil }
        defer { close(folder) }
        return kind(of: name, in: folder)
    }

    /// The bytes of the regular file at `path`, read without following a link.
    func contents(of path: String) -> Data? {
        guard let (folder, name) = openParent(of: path) else { return nil }
        defer { close(folder) }
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(count: Int(status.st_size))
        var offset = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }

    /// The device and inode of the entry at `path` (without following a link), to recognise the same file.
    func identity(of path: String) -> (device: UInt64, inode: UInt64, links: UInt64)? {
        guard let (folder, name) = openParent(of: path) else { return nil }
        defer { close(folder) }
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino), UInt64(status.st_nlink))
    }

    /// The status of the entry at `path` itself (a link's own, not its target's).
    func status(of path: String) -> stat? {
        guard let (folder, name) = openParent(of: path) else { return nil }
        defer { close(folder) }
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status
    }

    /// Where the link at `path` points, if it is a link.
    func linkTarget(of path: String) -> String? {
        guard let (folder, name) = openParent(of: path) else { return nil }
        defer { close(folder) }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlinkat(folder, name, &buffer, 4096)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes the entry at `path` itself (a file, a link or an empty folder). Returns whether it is gone.
    @discardableResult
    func remove(_ path: String) -> Bool {
        guard let (folder, name) = openParent(of: path) else { return false }
        defer { close(folder) }
        let isFolder = kind(of: name, in: folder) == .folder
        return unlinkat(folder, name, isFolder ? AT_REMOVEDIR : 0) == 0
    }

    /// Removes everything under the root and the root itself, never following a link (a link is removed, not what
    /// it points at — the root too, when it is one). For Planbook's own folders only: scratch folders, the cache.
    func removeAll() {
        var status = stat()
        if lstat(root.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            _ = unlink(root.path)
            return
        }
        for entry in entries().reversed() { remove(entry.path) }
        _ = rmdir(root.path)
    }

    /// Removes the folders under the root that are empty (deepest first), and the root too if `includingRoot`.
    func removeEmptyFolders(includingRoot: Bool) {
        for entry in entries().reversed() where entry.kind == .folder { _ = remove(entry.path) }
        if includingRoot { _ = rmdir(root.path) }
    }

    // MARK: - Walking

    private func openFolder(_ path: String) -> Int32? {
        var descriptor = open(root.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        for component in path.split(separator: "/") {
            let next = openat(descriptor, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(descriptor)
            guard next >= 0 else { return nil }
            descriptor = next
        }
        return descriptor
    }

    private func openParent(of path: String) -> (Int32, String)? {
        var components = path.split(separator: "/").map(String.init)
        guard let name = components.popLast(), name != "..", name != ".",
            !components.contains(".."), let folder = openFolder(components.joined(separator: "/"))
        else { return nil }
        return (folder, name)
    }

    private func kind(of name: String, in folder: Int32) -> Kind? {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    private func collect(_ descriptor: Int32, prefix: String, into result: inout [(String, Kind)]) {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else { return }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names.sorted() {
            guard let kind = kind(of: name, in: descriptor) else { continue }
            let path = prefix + name
            result.append((path, kind))
            guard kind == .folder else { continue }
            let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { continue }
            collect(child, prefix: path + "/", into: &result)
            close(child)
        }
    }
}
