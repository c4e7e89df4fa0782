import KlachtConfig
import MailFormat

extension ReplyTokenSigner {
    /// The signer for `[organisation] secret_file`, else for the secret klachtd made itself beside
    /// the database (`GeneratedReplySecret`); nil only when neither can be had.
    static func load(_ configuration: Configuration) throws -> ReplyTokenSigner? {
        guard let path = configuration.organisation.secretFile else {
            return GeneratedReplySecret.loadOrCreate(databasePath: configuration.databasePath).map { ReplyTokenSigner(secret: $0) }
        }
        let secret = try SecretReader.read(.file(path), section: "organisation", configFile: configuration.file) ?? ""
        guard secret.utf8.count >= 16 else {
            throw ConfigError(file: configuration.file, line: nil, problem: "[organisation] secret_file \(path) holds fewer than 16 characters",
                              fix: "Write at least 32 random characters on its first line, e.g. head -c 32 /dev/urandom | base64.")
        }
        return ReplyTokenSigner(secret: Array(secret.utf8))
    }
}
