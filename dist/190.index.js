export const id = 190;
export const ids = [190];
export const modules = {

/***/ 8190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   statusOf: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2543);
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8293);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7134);



/** `status`: retrieve `batch-id`; wait for it when asked, and collect its results. */
async function statusOf(env) {
    const { inputs } = env;
    if (inputs.batchIds.length > 1) {
        const { statusOfJob } = await Promise.all(/* import() */[__webpack_require__.e(672), __webpack_require__.e(832)]).then(__webpack_require__.bind(__webpack_require__, 1832));
        return statusOfJob(env);
    }
    const api = (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .requireApi */ .C)(env);
    await (0,_collect_js__WEBPACK_IMPORTED_MODULE_1__/* .checkResultsDir */ .u9)(env);
    const batch = await api.retrieve(inputs.batchId, env.signal);
    env.findings.track(batch);
    // Waiting makes the step responsible for the batch: cancelled with the step, like one it created.
    if (inputs.wait && !(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(batch.status))
        env.state.saveBatch(batch.id);
    const inputPath = inputs.file ? await (0,_collect_js__WEBPACK_IMPORTED_MODULE_1__/* .insideWorkspace */ .CT)(env, inputs.file, 'file') : undefined;
    return (0,_collect_js__WEBPACK_IMPORTED_MODULE_1__/* .waitAndCollect */ .zH)(env, batch, inputPath);
}


/***/ })

};

//# sourceMappingURL=190.index.js.map