import Foundation

/// Reads a password when a connection needs it; errors say where, never what.
public enum SecretReader {
    public static func read(_ source: SecretSource, section: String, configFile: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> String? {
        switch source {
        case .none:
            return nil
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigError(file: configFile, line: nil, problem: "[\(section)] password_env names \(name), which is not set",
                                  fix: "Set \(name) in the service's environment, or use password_file.")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: configFile, line: nil, problem: "[\(section)] password_file \(path) cannot be read",
                                  fix: "Create it readable by the klachtd user (mode 0640), with the password on its first line.")
            }
            let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !first.isEmpty else {
                throw ConfigError(file: configFile, line: nil, problem: "[\(section)] password_file \(path) is empty", fix: "Put the password on its first line.")
            }
            return first
        }
    }
}
