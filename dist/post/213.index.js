export const id = 213;
export const ids = [213];
export const modules = {

/***/ 213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// tsconfig.json maps `undici` here. @actions/core imports @actions/http-client for OIDC tokens,
// and it imports undici (a third of the bundle) only to build a ProxyAgent for its own requests,
// which the action never makes: every API call goes through the openai SDK and node:http, and the
// pull-request comment through Octokit with the action's own fetch (net/http-fetch.ts).
// Measured with ncc 0.45: given the mapping, ncc leaves undici out of the bundle.
//
// @actions/github builds a ProxyAgent when it is loaded, whenever a proxy is set for the GitHub
// API (a self-hosted runner behind a company proxy), for a default fetch the action replaces. So
// making one must not fail, or the comment could never be written there; using one fails at once.
class ProxyAgent {
    dispatch() {
        throw new Error('undici is not bundled with this action (only @actions/http-client uses it)');
    }
}


/***/ })

};

//# sourceMappingURL=213.index.js.map