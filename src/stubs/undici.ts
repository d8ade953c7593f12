// Bundled in place of `undici`. @actions/core imports @actions/http-client for OIDC tokens, and it
// imports undici (a third of the bundle) only to build a ProxyAgent for its own fetch, which the
// action never uses: every API call goes through the openai SDK and node:http.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with this action (only @actions/http-client would use it)'
    )
  }
}
