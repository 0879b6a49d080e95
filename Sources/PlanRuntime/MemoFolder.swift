@preconcurrency internal import Glibc
import PlanKit
internal import PlanRecord

/// The folder Planbook gives a program to remember PlanKit's simulations in (`PLANBOOK_MEMO`, in the study's
/// cache): one file per key, installed as `RoutingMemo.shared` before the first cell runs. With
/// `PLANBOOK_MEMO_REPLACE` (`--no-cache`) nothing is recalled, and what is drawn replaces what the folder held.
///
/// A file holds its key, a checksum of what it remembers (64-bit FNV-1a, in hex) and that text, each on its own line;
/// it is written under a temporary name and renamed into place, so programs running side by side never read half a
/// file. A file whose key or checksum does not match is not recalled (the simulation is drawn again and the file
/// replaced), and nothing that cannot be written stops the program.
enum MemoFolder {
    /// Installs the folder's memo, when Planbook named one.
    static func install() {
        guard let path = getenv(PlanInput.memoVariable).map({ String(cString: $0) }), !path.isEmpty else { return }
        let replaces = getenv(PlanInput.memoReplaceVariable) != nil
        RoutingMemo.shared = RoutingMemo(
            recall: { key in replaces ? nil : recall(key, in: path) },
            remember: { value, key in remember(value, key, in: path) })
    }

    static func recall(_ key: String, in folder: String) -> String? {
        guard let bytes = FileBytes.read(fileName(key, in: folder)) else { return nil }
        let parts = bytes.split(separator: 10, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, Array(parts[0]) == Array(key.utf8),
            String(decoding: parts[1], as: UTF8.self) == checksum(parts[2])
        else { return nil }
        return String(decoding: parts[2], as: UTF8.self)
    }

    static func remember(_ value: String, _ key: String, in folder: String) {
        let body = Array(value.utf8)
        let bytes = Array(key.utf8) + [10] + Array(checksum(body[...]).utf8) + [10] + body
        let target = fileName(key, in: folder)
        let temporary = "\(target).\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        // Created anew (`x`: never through a file or link already there), and not inherited by what the program starts.
        guard let file = fopen(temporary, "wbxe") else { return }
        let written = fwrite(bytes, 1, bytes.count, file)
        let closed = fclose(file)
        if written != bytes.count || closed != 0 || rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// The file of `key`: its checksum names it (a collision only costs a draw, as the key inside is compared).
    static func fileName(_ key: String, in folder: String) -> String {
        "\(folder)/\(checksum(Array(key.utf8)[...])).memo"
    }

    /// 64-bit FNV-1a of `bytes`, as 16 hex digits.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
