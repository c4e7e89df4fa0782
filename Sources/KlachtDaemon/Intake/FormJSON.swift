import FormReader
import JSONText
import MailParser

/// The `form` key of `klachtd parse --json`.
public enum FormJSON {
    public static func value(_ form: FormNotification?) -> JSONValue {
        guard let form else { return .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let mapped = form.mapped
        return .object([
            ("plugin", .string(form.plugin.rawValue)),
            ("fields", .array(form.fields.map { .object([("label", .string($0.label)), ("value", .string($0.value))]) })),
            ("mapped", .object([
                ("name", text(mapped.name)), ("email", text(mapped.email)), ("phone", text(mapped.phone)),
                ("child", text(mapped.child)), ("location", text(mapped.location)), ("kind", text(mapped.kind)),
                ("description", text(mapped.description)),
            ])),
        ])
    }
}
