export const id = 678;
export const ids = [678];
export const modules = {

/***/ 8681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ clientSettings)
/* harmony export */ });
/* unused harmony export USER_AGENT */
// Client settings shared by every AWS client: who we are, how hard to retry, how long to wait.
// Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> keep working.
const USER_AGENT = ['cloudwatch-graphs-to-slack', '1'];
/**
 * Bounded retries with backoff for throttling, 5xx and broken connections (the SDK's standard
 * mode); adaptive mode also slows down once the service throttles, and not before. Every request
 * has a deadline: a connection that hangs is retried, not waited on forever.
 */
function clientSettings(region, retryMode = 'standard') {
    return {
        region,
        customUserAgent: [USER_AGENT],
        maxAttempts: 5,
        retryMode,
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
    };
}


/***/ }),

/***/ 1678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCloudWatchClient: () => (/* binding */ createCloudWatchClient),
  fetchGraphImage: () => (/* binding */ fetchGraphImage),
  readDashboard: () => (/* binding */ readDashboard)
});

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/CloudWatchClient.js + 11 modules
var CloudWatchClient = __webpack_require__(9932);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricWidgetImageCommand.js
var GetMetricWidgetImageCommand = __webpack_require__(9575);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetDashboardCommand.js
var GetDashboardCommand = __webpack_require__(6351);
// EXTERNAL MODULE: ../src/errors.ts
var errors = __webpack_require__(8204);
// EXTERNAL MODULE: ../src/aws/clients.ts
var clients = __webpack_require__(8681);
// EXTERNAL MODULE: ../src/aws/errors.ts
var aws_errors = __webpack_require__(1362);
;// CONCATENATED MODULE: ../src/aws/pacer.ts

const CLOUDWATCH_QUOTA_PER_SECOND = 20;
/** The quota's window, a little over a second so clock skew with the service does not tip it. */
const WINDOW_MS = 1050;
class ThrottlePacer {
    perSecond;
    clock;
    sleep;
    throttled = false;
    nextSlot = 0;
    /** No attempt before this: when the quota's window has room again after a throttle. */
    notBefore = 0;
    /** When the latest admitted attempts were sent (at most perSecond of them), oldest first. */
    admitted = [];
    constructor(perSecond, clock = () => performance.now(), sleep = ms => new Promise(resolve => setTimeout(resolve, ms))) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.sleep = sleep;
    }
    /**
     * Resolves when this attempt may go: at once until the service has throttled. Returns when it
     * went, for onAdmitted. An attempt that wakes to find the window moved (a throttle meanwhile)
     * waits again.
     */
    async slot() {
        for (;;) {
            const now = this.clock();
            if (!this.throttled)
                return now;
            const at = Math.max(now, this.nextSlot, this.notBefore);
            if (at <= now) {
                this.nextSlot = now + WINDOW_MS / this.perSecond;
                return now;
            }
            await this.sleep(at - now);
        }
    }
    /** The service answered an attempt sent at `sentAt` (anything but Throttling uses the quota). */
    onAdmitted(sentAt) {
        // The latest perSecond send times, oldest first (answers may come back out of order).
        const index = this.admitted.findIndex(time => time > sentAt);
        this.admitted.splice(index === -1 ? this.admitted.length : index, 0, sentAt);
        if (this.admitted.length > this.perSecond)
            this.admitted.shift();
    }
    /**
     * The service refused an attempt: its window is full. When this process filled it, the window
     * has room again once the oldest of those calls is a window old; no attempt goes before then.
     */
    onThrottled() {
        this.throttled = true;
        const oldest = this.admitted[0];
        if (this.admitted.length === this.perSecond && oldest !== undefined) {
            this.notBefore = Math.max(this.notBefore, oldest + WINDOW_MS);
        }
    }
    get pacing() {
        return this.throttled;
    }
}
/** True for the error codes AWS uses for throttling. */
function isThrottling(error) {
    const name = (0,aws_errors/* awsErrorCode */.J)(error);
    return (name === 'Throttling' ||
        name === 'ThrottlingException' ||
        name === 'TooManyRequestsException' ||
        name === 'RequestLimitExceeded');
}
/**
 * A middleware in the deserialize step: it runs for every attempt, inside the SDK's retry loop, so
 * retries wait for their slot too. High priority puts it outside the deserializer, where a
 * Throttling answer is an error (inside, it is still a plain HTTP 400 response).
 */
function pacerPlugin(pacer) {
    return {
        applyToStack: stack => {
            stack.add(next => async (args) => {
                const sentAt = await pacer.slot();
                try {
                    const output = await next(args);
                    pacer.onAdmitted(sentAt);
                    return output;
                }
                catch (error) {
                    if (isThrottling(error))
                        pacer.onThrottled();
                    else
                        pacer.onAdmitted(sentAt);
                    throw error;
                }
            }, { step: 'deserialize', name: 'throttlePacer', priority: 'high' });
        }
    };
}

;// CONCATENATED MODULE: ../src/aws/cloudwatch.ts





/**
 * `onSend` is called as each GetMetricWidgetImage request leaves, for start-up ordering: two turns
 * of the event loop after the HTTP handler took it, so the handler has opened its connection (on
 * loopback, connected it) before the code loaded next takes the thread. Called at once, that code's
 * compiling (tens of ms) ran before the request's socket even existed.
 */
function createCloudWatchClient(region, onSend) {
    // Standard retries with more attempts, and a pacer that spaces attempts to the quota once
    // CloudWatch throttles (measured: adaptive mode's own limiter falls to about one call a second
    // after a burst, and stays there).
    const client = new CloudWatchClient/* CloudWatchClient */.W({ ...(0,clients/* clientSettings */.r)(region), maxAttempts: 8 });
    client.middlewareStack.use(pacerPlugin(new ThrottlePacer(CLOUDWATCH_QUOTA_PER_SECOND)));
    if (onSend) {
        client.middlewareStack.add((next, context) => args => {
            const sent = next(args);
            // Dashboards are read first with the same client: only a graph's request counts.
            if (context.commandName === 'GetMetricWidgetImageCommand') {
                setImmediate(() => setImmediate(onSend));
            }
            return sent;
        }, { step: 'deserialize', name: 'onSend', priority: 'low' });
    }
    return client;
}
/** The graph as PNG bytes, exactly as CloudWatch rendered it. */
async function fetchGraphImage(client, graph) {
    let image;
    try {
        const response = await client.send(new GetMetricWidgetImageCommand/* GetMetricWidgetImageCommand */.l({ MetricWidget: graph.metricWidget, OutputFormat: 'png' }));
        image = response.MetricWidgetImage;
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`CloudWatch could not render graph ${graph.position} ('${graph.name}'): ${(0,aws_errors/* awsErrorText */.x)(error)}`, { cause: error });
    }
    if (!image || image.length === 0) {
        throw new errors/* ActionError */.lZ(`CloudWatch returned no image for graph ${graph.position} ('${graph.name}')`);
    }
    return image;
}
/** A dashboard's body (JSON text), as saved. */
async function readDashboard(client, name, region) {
    try {
        const response = await client.send(new GetDashboardCommand/* GetDashboardCommand */.K({ DashboardName: name }));
        return response.DashboardBody ?? '{}';
    }
    catch (error) {
        const code = (0,aws_errors/* awsErrorCode */.J)(error);
        const hint = code === 'ResourceNotFound' || code === 'DashboardNotFoundError'
            ? ` Check the name (case matters) and that the dashboard is in ${region} (aws-region).`
            : code === 'AccessDenied' || code === 'AccessDeniedException'
                ? " The workflow's role needs cloudwatch:GetDashboard."
                : '';
        throw new errors/* ActionError */.lZ(`Reading dashboard '${name}' failed: ${(0,aws_errors/* awsErrorText */.x)(error)}.${hint}`, {
            cause: error
        });
    }
}


/***/ }),

/***/ 1362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ awsErrorCode),
/* harmony export */   x: () => (/* binding */ awsErrorText)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8204);
// What an AWS SDK error says, read one way for every service.

/**
 * The error's wire code, or '' when it has none. CloudWatch is "query compatible": the SDK may name
 * the error class after its model (DashboardInvalidInputError) and keep the wire code in `Code`.
 */
function awsErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return '';
    const { Code, name } = error;
    if (typeof Code === 'string' && Code)
        return Code;
    return typeof name === 'string' ? name : '';
}
/** `Code: message`, as the service said it. */
function awsErrorText(error) {
    if (error instanceof Error) {
        const code = awsErrorCode(error);
        return code && code !== 'Error' ? `${code}: ${error.message}` : error.message;
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
}


/***/ })

};
