export const id = 235;
export const ids = [235];
export const modules = {

/***/ 5235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliverSlackHosted: () => (/* binding */ deliverSlackHosted)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8540);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8204);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8976);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7293);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7687);
/* harmony import */ var _run_info_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2731);
// delivery: slack-upload. Fetch every graph, then a header message (text, context line), then
// the PNGs uploaded to Slack and shared under it: in the channel, or as replies in its thread.







async function deliverSlackHosted(inputs, graphs, cloudwatch, timings) {
    const graphsStart = performance.now();
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_4__/* .enterPhase */ .aO)('rendering graphs');
    /** By graph position - 1. */
    const pngs = [];
    const outcomes = await (0,_concurrency_js__WEBPACK_IMPORTED_MODULE_6__/* .mapWithConcurrency */ .W)(graphs, inputs.maxConcurrency, async (graph, i) => {
        const outcome = { graph };
        try {
            pngs[i] = await cloudwatch.fetchImage(cloudwatch.client, graph);
            outcome.bytes = pngs[i]?.length;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${(0,_pipeline_js__WEBPACK_IMPORTED_MODULE_3__/* .label */ .Pf)(graph)}: ${((outcome.bytes ?? 0) / 1024).toFixed(1)} KiB`);
        }
        catch (error) {
            outcome.failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
        }
        return outcome;
    });
    timings.graphs = performance.now() - graphsStart;
    const run = (0,_run_info_js__WEBPACK_IMPORTED_MODULE_5__/* .readRunInfo */ .m)();
    const rendered = outcomes.filter(outcome => !outcome.failure);
    if (rendered.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No graph could be rendered, so nothing was posted:\n${(0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFailures */ .n)(outcomes)}`);
    }
    const report = {
        outcomes,
        bucket: '',
        expiry: 'slack',
        signing: 'none',
        posts: [],
        dryRun: inputs.dryRun,
        embedImages: false,
        timings
    };
    const slack = inputs.slack;
    if (inputs.dryRun || !slack) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: nothing uploaded to Slack');
        return report;
    }
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_4__/* .enterPhase */ .aO)('uploading to Slack');
    const slackStart = performance.now();
    const [{ buildHeader, defaultText }, { createSlackClient, postMessages, sleep, MESSAGE_INTERVAL_MS }] = await Promise.all([__webpack_require__.e(/* import() */ 64).then(__webpack_require__.bind(__webpack_require__, 6064)), Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(915)]).then(__webpack_require__.bind(__webpack_require__, 6915))]);
    const { uploadFiles, shareFiles, FILES_PER_MESSAGE } = await Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(453)]).then(__webpack_require__.bind(__webpack_require__, 1453));
    const client = createSlackClient(slack.token, slack.apiUrl);
    // The bytes first: only what reached Slack is announced, so a missing scope or a failed upload
    // never leaves a header without graphs.
    const uploads = await uploadFiles(client, rendered.map(outcome => ({
        name: outcome.graph.name,
        position: outcome.graph.position,
        png: pngs[outcome.graph.position - 1]
    })));
    const uploaded = rendered.flatMap((outcome, i) => {
        const result = uploads[i];
        if (result instanceof Error || !result) {
            outcome.failure = result?.message ?? 'not uploaded';
            return [];
        }
        return [{ outcome, file: result }];
    });
    if (uploaded.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No graph could be uploaded to Slack, so nothing was posted:\n${(0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFailures */ .n)(outcomes)}`);
    }
    const header = buildHeader({
        text: slack.text ?? defaultText(new Date()),
        expiry: 'slack',
        runUrl: run.runUrl,
        missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name)
    });
    const [posted] = await postMessages(client, slack.channel, [header], { threadTs: slack.threadTs });
    if (!posted)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('Slack returned no message for the header');
    const threaded = slack.thread === 'images';
    await sleep(MESSAGE_INTERVAL_MS); // the files' messages follow the header at Slack's pace
    const shared = await shareFiles(client, posted.channel, uploaded.map(({ file }) => file), {
        threadTs: threaded ? posted.ts : slack.threadTs,
        perMessage: threaded ? 1 : FILES_PER_MESSAGE,
        paceMs: MESSAGE_INTERVAL_MS
    });
    uploaded.forEach(({ outcome }, i) => {
        const permalink = shared.permalinks[i];
        if (permalink === undefined)
            outcome.failure = shared.failure ?? 'not shared';
        else
            outcome.url = permalink;
        if (permalink === '')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Slack shared '${outcome.graph.name}' but gave no permalink`);
    });
    const count = uploaded.length - (shared.failure ? shared.permalinks.filter(p => p === undefined).length : 0);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Shared ${count} graph(s) in Slack under message ${posted.ts} in ${posted.channel}`);
    timings.slack = performance.now() - slackStart;
    return { ...report, posts: [posted] };
}


/***/ }),

/***/ 2731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readRunInfo)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// Facts about this run that several phases need. They are the values @actions/github's `context`
// gives (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_REPOSITORY, the event
// payload), read the same way but without loading Octokit, which the action never calls.

function readRunInfo(env = process.env) {
    const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10);
    const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const attempt = runAttempt > 0 ? `/attempts/${runAttempt}` : '';
    return {
        runId,
        runAttempt,
        runUrl: repository && runId > 0
            ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}`
            : undefined,
        privateRepository: readEventPayload(env.GITHUB_EVENT_PATH)?.repository?.private === true
    };
}
function readEventPayload(file) {
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined; // an unreadable payload only means: treat the repository as public
    }
}


/***/ })

};
