// Stands in for @actions/http-client in the bundle (see README.md): only core.getIDToken uses it.
const unavailable = (): never => {
  throw new Error('@actions/http-client is not bundled: this action does not request OIDC tokens')
}

export class HttpClient {
  constructor() {
    unavailable()
  }
}

export class BearerCredentialHandler {
  constructor() {
    unavailable()
  }
}
