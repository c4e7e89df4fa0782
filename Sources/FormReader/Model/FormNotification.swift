/// The website form plugin whose notification layout a message was read as.
public enum FormPlugin: String, Sendable {
    case contactForm7 = "contact-form-7"
    case gravityForms = "gravity-forms"
    case wpforms
    case ninjaForms = "ninja-forms"
    case generic
}

/// One submitted form field as the notification shows it: label and value, both decoded and trimmed.
public struct FormField: Sendable, Equatable {
    /// The field's label as the site owner named it.
    public var label: String
    /// The submitted value; lines of a multi-line value are joined by newlines, empty when left blank.
    public var value: String

    /// Pairs a label with its value.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// A form notification read into its fields and the fields the daemon understands.
public struct FormNotification: Sendable {
    /// The plugin layout the notification was read as.
    public var plugin: FormPlugin
    /// Every field in the order the notification lists them.
    public var fields: [FormField]
    /// The fields recognised by their labels.
    public var mapped: MappedFields

    /// Bundles a reading of a notification.
    public init(plugin: FormPlugin, fields: [FormField], mapped: MappedFields) {
        self.plugin = plugin
        self.fields = fields
        self.mapped = mapped
    }
}
