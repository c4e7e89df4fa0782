/// Microsoft Entra ID's AADSTS error codes that an operator meets when setting up an app
/// registration, each with the step that fixes it.
enum AADSTSAdvice {
    static let steps: [(code: String, advice: String)] = [
        ("AADSTS7000215", "the client secret is wrong (perhaps the secret's ID was copied instead of its Value): in Entra ID, App registrations → the app → Certificates & secrets, make a new client secret and put its Value in the file client_secret_file names."),
        ("AADSTS7000222", "the client secret has expired: in Entra ID, App registrations → the app → Certificates & secrets, make a new client secret, put its Value in the file client_secret_file names and its expiry in client_secret_expires."),
        ("AADSTS700016", "no application with this client_id exists in the tenant: copy the Application (client) ID from the app's Overview page, and check that tenant names the tenant the app is registered in."),
        ("AADSTS90002", "the tenant is unknown: set tenant to the Directory (tenant) ID from the app's Overview page, or to a verified domain of the tenant."),
        ("AADSTS65001", "an administrator has not consented to the app's permissions: in Entra ID, App registrations → the app → API permissions, choose 'Grant admin consent'."),
        ("AADSTS700027", "the certificate's signature was not accepted: upload the certificate in certificate_file to the app registration (Certificates & secrets → Certificates), or check that the file holds the matching private key."),
    ]

    /// The step for the first AADSTS code in `detail`, if it is one of the known ones.
    static func advice(_ detail: String) -> String? {
        // Longest codes first, so AADSTS7000215 is not taken for a shorter code it starts with.
        for step in steps.sorted(by: { $0.code.count > $1.code.count }) where detail.contains(step.code + ":") || detail.hasSuffix(step.code) {
            return step.advice
        }
        return nil
    }
}
