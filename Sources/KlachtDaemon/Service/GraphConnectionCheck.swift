import GraphTransport
import KlachtConfig

/// `check-config --connect` with `[graph]`: the token (already fetched), the folder read with
/// it (not the user object: reading users needs a directory permission the app should not
/// have), and the token's `roles` checked for Mail.ReadWrite and Mail.Send.
enum GraphConnectionCheck {
    static func check(_ graph: GraphSettings, token: String?) -> [ConfigurationCheck.ConnectionResult] {
        let folderLabel = "Graph folder \(graph.folder) of \(graph.mailbox) at \(graph.endpoint)"
        let rolesLabel = "Graph application permissions (token roles)"
        guard let token else {
            return [.init(server: folderLabel, ok: false, outcome: "not tried: no access token"),
                    .init(server: rolesLabel, ok: false, outcome: "not checked: no access token")]
        }
        var results: [ConfigurationCheck.ConnectionResult] = []
        let endpoint = GraphEndpoint(base: graph.endpoint, mailbox: graph.mailbox, caFile: graph.caFile, timeoutSeconds: graph.timeoutSeconds)
        var folderRead = false
        do {
            let summary = try GraphClient(endpoint: endpoint, token: token).folderSummary(graph.folder)
            results.append(.init(server: folderLabel, ok: true, outcome: "ok, \(summary.total) message(s) in \(summary.name)"))
            folderRead = true
        } catch {
            results.append(.init(server: folderLabel, ok: false, outcome: "failed (\(ConfigurationCheck.step(error))): \(error)"))
        }
        switch TokenRoles.missing(inToken: token) {
        case let missing? where missing == TokenRoles.needed && folderRead:
            // Roles granted by Exchange Online RBAC for Applications are not in the token.
            results.append(.init(server: rolesLabel, ok: true, outcome: "the token names no Mail permissions, yet the folder was read: "
                + "access comes from Exchange Online RBAC for Applications. Check that sending is granted too with "
                + "Test-ServicePrincipalAuthorization -Identity klachtd -Resource \(graph.mailbox) (roles Application Mail.ReadWrite and Application Mail.Send)"))
        case nil:
            results.append(.init(server: rolesLabel, ok: true, outcome: "not readable in the token; check API permissions in Entra ID by hand"))
        case let missing? where missing.isEmpty:
            results.append(.init(server: rolesLabel, ok: true, outcome: "ok, \(TokenRoles.needed.joined(separator: " and ")) granted"))
        case let missing?:
            results.append(.init(server: rolesLabel, ok: false, outcome: "missing \(missing.joined(separator: " and ")): "
                + "in Entra ID, App registrations → the app → API permissions → Add a permission → Microsoft Graph → "
                + "Application permissions, add \(missing.joined(separator: " and ")), then 'Grant admin consent'"))
        }
        return results
    }
}
