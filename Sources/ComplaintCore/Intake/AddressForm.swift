/// How letters address the parent in Dutch: the polite *u* or the familiar *je*
/// (`[organisation] address_form`, per location too). Many childcare organisations write to
/// parents with *je*, others with *u*; a letter that switches between the two reads as a form,
/// so each form is a whole text of its own (`Templates/nl/` and `Templates/nl-je/`).
/// Mails to colleagues always use *je*; English has one form for both.
public enum AddressForm: String, Sendable, CaseIterable {
    case u
    case je

    /// The folder of the Dutch letters in this form, under the templates directory.
    public var dutchFolder: String { self == .u ? "nl" : "nl-je" }
}

public extension LocationProfile {
    /// Nil when the location says nothing: the organisation's form applies.
    var addressForm: AddressForm? {
        get { AddressForm(rawValue: addressFormSetting ?? "") }
        set { addressFormSetting = newValue?.rawValue }
    }
}
