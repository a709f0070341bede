export const id = 914;
export const ids = [914];
export const modules = {

/***/ 5914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deliverPresigned: () => (/* binding */ deliverPresigned)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8204);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2615);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7293);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7687);
/* harmony import */ var _run_info_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2731);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8976);
// delivery: presigned-url. fetch → upload → presign → check per graph (pipeline.ts), then the
// Slack message(s) with image blocks. The S3 code, the run's identity and the signing decision
// load while the first graphs are fetched.







/** Everything the uploads wait for: the S3 code, the run's identity, and the signing decision. */
async function prepareUploads(inputs, graphs) {
    const run = (0,_run_info_js__WEBPACK_IMPORTED_MODULE_4__/* .readRunInfo */ .m)();
    const [s3, { resolveSigning }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(540), __webpack_require__.e(265), __webpack_require__.e(282), __webpack_require__.e(918), __webpack_require__.e(443)]).then(__webpack_require__.bind(__webpack_require__, 5443)),
        __webpack_require__.e(/* import() */ 144).then(__webpack_require__.bind(__webpack_require__, 8144))
    ]);
    const uploadClient = s3.createS3Client(inputs.s3);
    const signing = await resolveSigning(inputs, {
        createS3Client: s3.createS3Client,
        readSsmKeys: async (idParameter, secretParameter) => {
            const ssm = await Promise.all(/* import() */[__webpack_require__.e(265), __webpack_require__.e(8), __webpack_require__.e(804)]).then(__webpack_require__.bind(__webpack_require__, 3804));
            const client = ssm.createSsmClient(inputs.awsRegion);
            return ssm.readSigningKeys(client, idParameter, secretParameter);
        },
        workflowClient: uploadClient,
        now: () => new Date()
    });
    const names = graphs.map(graph => graph.name);
    const plan = {
        uploadClient,
        presignClient: signing.client,
        signedAt: signing.signedAt,
        keys: (0,_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .objectKeys */ .uv)(inputs.s3.keyPrefix, names, run, signing.signedAt)
    };
    return { s3, run, signing, plan };
}
/** How long the upload preparation waits for the first CloudWatch request to leave. */
const FIRST_REQUEST_WAIT_MS = 250;
async function deliverPresigned(inputs, graphs, cloudwatch, timings) {
    const graphsStart = performance.now();
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_3__/* .enterPhase */ .aO)('rendering graphs');
    // Runs while the first graphs are fetched; no upload happens before it is done. It starts once
    // the first CloudWatch request has left, so loading the S3 code does not delay that request
    // (or after a moment, if no request leaves at all: its errors then say why).
    const firstRequest = new Promise(resolve => {
        const timer = setTimeout(resolve, FIRST_REQUEST_WAIT_MS);
        void cloudwatch.requestSent.then(() => {
            clearTimeout(timer);
            resolve();
        });
    });
    const preparing = firstRequest.then(() => prepareUploads(inputs, graphs));
    const plan = preparing.then(prepared => prepared.plan);
    plan.catch(() => undefined); // awaited below; this only keeps an early failure handled
    const verify = inputs.verifyUrls ? __webpack_require__.e(/* import() */ 506).then(__webpack_require__.bind(__webpack_require__, 7506)) : undefined;
    verify?.catch(() => undefined); // a failed load surfaces in each check
    // The Slack code and client get ready while the last URL checks are out: once every graph is
    // stored, when this process is only waiting.
    let slackReady;
    const prepareSlack = () => (slackReady ??= prepareSlackSide(inputs));
    const outcomes = await (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .renderGraphs */ .uu)(graphs, {
        bucket: inputs.s3.bucket,
        expiresInSeconds: inputs.expiresInSeconds,
        maxConcurrency: inputs.maxConcurrency
    }, {
        fetchImage: cloudwatch.fetchImage,
        cloudwatch: cloudwatch.client,
        plan,
        upload: async (...args) => (await preparing).s3.uploadPng(...args),
        presign: async (...args) => (await preparing).s3.presignGetUrl(...args),
        check: verify ? async (_key, url) => (await verify).checkUrl(url) : undefined,
        onStored: () => void prepareSlack().catch(() => undefined) // awaited when posting
    });
    const { run, signing } = await preparing; // its failure is every graph's failure
    timings.graphs = performance.now() - graphsStart;
    const posted = outcomes.filter(outcome => outcome.url && !outcome.failure);
    if (posted.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`No graph could be rendered and stored, so nothing was posted:\n${(0,_failures_js__WEBPACK_IMPORTED_MODULE_5__/* .describeFailures */ .n)(outcomes)}`);
    }
    if (verify) {
        const count = `${posted.length} URL${posted.length === 1 ? '' : 's'}`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Checked ${count}: each serves its image`);
    }
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_3__/* .enterPhase */ .aO)('posting to Slack');
    const slackStart = performance.now();
    let posts;
    let postFailure;
    try {
        posts = await postToSlack(inputs, outcomes, signing.expiry, run, await prepareSlack());
    }
    catch (error) {
        // Some messages are in the channel: report them (outputs, summary), then fail.
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PostError */ .dJ))
            throw error;
        posts = error.posted;
        postFailure = error.message;
    }
    if (posts.length > 0)
        timings.slack = performance.now() - slackStart;
    return {
        outcomes,
        bucket: inputs.s3.bucket,
        expiry: signing.expiry,
        signing: signing.kind,
        posts,
        postFailure,
        dryRun: inputs.dryRun,
        // Session-signed URLs carry the session token: never in a summary, even a private one.
        embedImages: run.privateRepository && signing.kind === 'long-term',
        timings
    };
}
/** The message builder, and the Slack client unless nothing will be posted. */
async function prepareSlackSide(inputs) {
    const settings = inputs.dryRun ? undefined : inputs.slack;
    const [message, code] = await Promise.all([
        __webpack_require__.e(/* import() */ 64).then(__webpack_require__.bind(__webpack_require__, 6064)),
        settings ? Promise.all(/* import() */[__webpack_require__.e(43), __webpack_require__.e(915)]).then(__webpack_require__.bind(__webpack_require__, 6915)) : undefined
    ]);
    if (!settings || !code)
        return { message };
    return {
        message,
        slack: { code, client: code.createSlackClient(settings.token, settings.apiUrl) }
    };
}
async function postToSlack(inputs, outcomes, expiry, run, side) {
    const { buildMessages, buildThread, defaultText } = side.message;
    const slack = inputs.slack;
    const options = {
        text: slack?.text ?? defaultText(new Date()),
        graphs: outcomes
            .filter(outcome => outcome.url && !outcome.failure)
            .map(outcome => ({ name: outcome.graph.name, url: outcome.url })),
        expiry,
        runUrl: run.runUrl,
        missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name)
    };
    if (!slack || !side.slack) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: nothing posted to Slack');
        return [];
    }
    const { postMessages, postThread, MESSAGE_INTERVAL_MS } = side.slack.code;
    const client = side.slack.client;
    const posts = slack.thread === 'images'
        ? await postThread(client, slack.channel, buildThread(options), {
            paceMs: MESSAGE_INTERVAL_MS
        })
        : // A few messages in a row are within Slack's burst allowance: not paced.
            await postMessages(client, slack.channel, buildMessages(options), {
                threadTs: slack.threadTs
            });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Posted ${posts.length} message(s) to ${posts[0]?.channel} (ts ${posts[0]?.ts})`);
    return posts;
}


/***/ }),

/***/ 2615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yv: () => (/* binding */ slugify),
/* harmony export */   uv: () => (/* binding */ objectKeys)
/* harmony export */ });
/* unused harmony export runFolder */
// Where each PNG is stored: <prefix><YYYY>/<MM>/<DD>/<run folder>/<NN>-<slug>.png
// The key is predictable from the run, so a re-run (new attempt) never overwrites an earlier one.
/** Long enough to recognise a graph; short enough that a key stays far below S3's 1024 bytes. */
const MAX_SLUG = 100;
/** Lowercase ASCII letters and digits joined by '-' (at most 100); 'graph' when nothing is left. */
function slugify(name) {
    const slug = name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay: 'Café' -> 'cafe'
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, MAX_SLUG)
        .replace(/-+$/, '');
    return slug || 'graph';
}
/** `<run id>-<attempt>`, or `local-<YYYYMMDDTHHMMSSZ>` for a run outside Actions. */
function runFolder(run, now) {
    if (Number.isInteger(run.runId) && run.runId > 0) {
        const attempt = Number.isInteger(run.runAttempt) && run.runAttempt > 0 ? run.runAttempt : 1;
        return `${run.runId}-${attempt}`;
    }
    return `local-${now.toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
}
/** The object key of every graph, in order; NN counts from 01, as wide as the count needs. */
function objectKeys(prefix, names, run, now) {
    const date = now.toISOString().slice(0, 10).replace(/-/g, '/');
    const folder = `${prefix}${date}/${runFolder(run, now)}`;
    const width = Math.max(2, String(names.length).length);
    return names.map((name, index) => {
        const number = String(index + 1).padStart(width, '0');
        return `${folder}/${number}-${slugify(name)}.png`;
    });
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
