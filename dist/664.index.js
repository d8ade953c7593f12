export const id = 664;
export const ids = [664];
export const modules = {

/***/ 9664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listBatches: () => (/* binding */ listBatches)
/* harmony export */ });
/* harmony import */ var _action_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2814);
/* harmony import */ var _batch_document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2543);
/* harmony import */ var _lib_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(432);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7134);




/** `list`: the most recent batches, as an output and in the log; the summary table is main's. */
async function listBatches(env) {
    const { log } = env;
    const batches = await (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .requireApi */ .C)(env).list(env.inputs.listLimit, env.signal);
    env.outputs.set(_action_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Outputs */ .tY.Batches, JSON.stringify(batches));
    for (const batch of batches) {
        const created = (0,_lib_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTimestamp */ .Ey)(batch.created_at) ?? '-';
        log.info(`${batch.id}  ${(0,_batch_document_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProgress */ .vk)(batch)}  ${batch.endpoint ?? ''}  ${created}`);
    }
    log.info(`${batches.length} batch${batches.length === 1 ? '' : 'es'}`);
    return { ending: { kind: 'done' }, batches };
}


/***/ })

};

//# sourceMappingURL=664.index.js.map