export const id = 90;
export const ids = [90];
export const modules = {

/***/ 6090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cancelBatch: () => (/* binding */ cancelBatch)
/* harmony export */ });
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2543);
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8293);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7134);



/** `cancel`: ask the provider to cancel `batch-id`, then wait for it to end as configured. */
async function cancelBatch(env) {
    const { findings, signal } = env;
    const api = (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .requireApi */ .C)(env);
    if (env.inputs.batchIds.length > 1)
        return cancelSeveral(env);
    const current = await api.retrieve(env.inputs.batchId, signal);
    findings.track(current);
    if ((0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(current.status))
        return { kind: 'already ended', batch: current };
    if (current.status !== 'cancelling')
        findings.track(await api.cancel(current.id, signal));
    env.log.info(`Cancel requested for batch ${current.id}`);
    return (0,_collect_js__WEBPACK_IMPORTED_MODULE_1__/* .waitAndCollect */ .zH)(env, findings.batch ?? current, undefined);
}
/** `cancel` with several ids (a job's batch-ids): cancels every one still running, in parallel. */
async function cancelSeveral(env) {
    const api = (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .requireApi */ .C)(env);
    const batches = await Promise.all(env.inputs.batchIds.map((id) => api.retrieve(id, env.signal)));
    const running = batches.filter((batch) => !(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_0__/* .isTerminal */ .Hd)(batch.status) && batch.status !== 'cancelling');
    await Promise.all(running.map((batch) => api.cancel(batch.id, env.signal)));
    env.log.info(running.length > 0
        ? `Cancel requested for batches ${running.map((batch) => batch.id).join(', ')}`
        : 'Every batch had already ended or was being cancelled; there was nothing to cancel');
    const { statusOfJob } = await Promise.all(/* import() */[__webpack_require__.e(672), __webpack_require__.e(832)]).then(__webpack_require__.bind(__webpack_require__, 1832));
    return statusOfJob(env);
}


/***/ })

};

//# sourceMappingURL=90.index.js.map