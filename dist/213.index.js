export const id = 213;
export const ids = [213];
export const modules = {

/***/ 4213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyAgent: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// tsconfig.json maps `undici` here. @actions/core imports @actions/http-client for OIDC tokens,
// and it imports undici (a third of the bundle) only to build a ProxyAgent for its own requests,
// which the action never makes: every API call goes through the openai SDK and node:http.
// Measured with ncc 0.45: given the mapping, ncc bundles neither undici nor this file, and leaves
// http-client's one `new ProxyAgent(...)` unresolved, so that path, if it ever ran (a proxy set
// for http-client's own requests), fails at once rather than silently. Tools that follow the
// mapping themselves (tsc, tsx under local-action) get this class, which fails the same way.
class ProxyAgent {
    constructor() {
        throw new Error('undici is not bundled with this action (only @actions/http-client uses it)');
    }
}


/***/ })

};

//# sourceMappingURL=213.index.js.map