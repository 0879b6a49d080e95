/// Where one value of an encoding goes: empty until the value's encoder fills it with a primitive, an object or an
/// array. Containers hold their slot, so nested values can be written in any order the `Encodable` chooses.
final class JSONSlot {
    private enum Content {
        case empty
        case value(JSONNode)
        case object([(String, JSONSlot)])
        case array([JSONSlot])
    }

    private var content = Content.empty

    /// The finished value.
    var node: JSONNode {
        switch content {
        case .empty: return .null
        case .value(let node): return node
        case .object(let fields): return .object(fields.map { ($0.0, $0.1.node) })
        case .array(let items): return .array(items.map(\.node))
        }
    }

    func set(_ node: JSONNode) { content = .value(node) }

    /// The slot of field `key` (the same slot when the key is encoded again).
    func field(_ key: String) -> JSONSlot {
        var fields: [(String, JSONSlot)] = []
        if case .object(let existing) = content { fields = existing }
        if let found = fields.first(where: { $0.0 == key }) { return found.1 }
        let slot = JSONSlot()
        content = .object(fields + [(key, slot)])
        return slot
    }

    func makeObject() { if case .object = content {} else { content = .object([]) } }

    func makeArray() { if case .array = content {} else { content = .array([]) } }

    func appendItem() -> JSONSlot {
        var items: [JSONSlot] = []
        if case .array(let existing) = content { items = existing }
        let slot = JSONSlot()
        content = .array(items + [slot])
        return slot
    }

    var itemCount: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }

    struct Encoder: Swift.Encoder {
        let slot: JSONSlot
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            slot.makeObject()
            return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            slot.makeArray()
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }

        func encodeValue<T: Encodable>(_ value: T) throws {
            if let node = JSONNode.primitive(value) { slot.set(node) } else { try value.encode(to: self) }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: JSONSlot
        var codingPath: [CodingKey]

        private func encoder(_ key: Key) -> Encoder {
            Encoder(slot: slot.field(key.stringValue), codingPath: codingPath + [key])
        }

        mutating func encodeNil(forKey key: Key) throws { slot.field(key.stringValue).set(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(key).encodeValue(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try encoder(key).encodeValue(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { try encoder(key).encodeValue(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try encoder(key).encodeValue(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try encoder(key).encodeValue(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            encoder(key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            encoder(key).unkeyedContainer()
        }

        mutating func superEncoder() -> Swift.Encoder { encoder(Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> Swift.Encoder { encoder(key) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: JSONSlot
        var codingPath: [CodingKey]
        var count: Int { slot.itemCount }

        private func encoder() -> Encoder { Encoder(slot: slot.appendItem(), codingPath: codingPath) }

        mutating func encodeNil() throws { slot.appendItem().set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder().encodeValue(value) }
        mutating func encode(_ value: Bool) throws { try encoder().encodeValue(value) }
        mutating func encode(_ value: String) throws { try encoder().encodeValue(value) }
        mutating func encode(_ value: Double) throws { try encoder().encodeValue(value) }
        mutating func encode(_ value: Int) throws { try encoder().encodeValue(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            encoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { encoder().unkeyedContainer() }
        mutating func superEncoder() -> Swift.Encoder { encoder() }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: JSONSlot
        var codingPath: [CodingKey]

        mutating func encodeNil() throws { slot.set(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try Encoder(slot: slot, codingPath: codingPath).encodeValue(value)
        }
        mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.set(.string(value)) }
        mutating func encode(_ value: Double) throws { slot.set(JSONNode.number(value)) }
        mutating func encode(_ value: Int) throws { slot.set(.number("\(value)")) }
    }
}
