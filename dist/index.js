import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8540:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ mapWithConcurrency),
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
/**
 * At most `limit` tasks in flight; tasks that wait start in the order they asked. A finishing task
 * hands its slot straight to the next one, so a newcomer cannot jump the queue.
 */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.active < Math.max(1, this.limit))
            this.active += 1;
        else
            await new Promise(resolve => this.waiting.push(resolve));
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active -= 1;
        }
    }
}
/** Runs `work` on every item with at most `limit` in flight; results keep the items' order. */
async function mapWithConcurrency(items, limit, work) {
    const limiter = new Limiter(limit);
    return Promise.all(items.map((item, index) => limiter.run(async () => work(item, index))));
}


/***/ }),

/***/ 8021:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ describeSource),
/* harmony export */   qt: () => (/* binding */ isTemporaryKeyId),
/* harmony export */   w6: () => (/* binding */ classifySigning)
/* harmony export */ });
// What signs the URLs, and whether the URLs can outlive it.
/** STS hands out key ids starting ASIA; long-term IAM user keys start AKIA. */
function isTemporaryKeyId(accessKeyId) {
    return accessKeyId.startsWith('ASIA');
}
/** Temporary when the key id says so or a session token comes with it (some S3-compatible STS use other prefixes). */
function classifySigning(credentials) {
    return isTemporaryKeyId(credentials.accessKeyId) || Boolean(credentials.sessionToken)
        ? 'temporary'
        : 'long-term';
}
/** Words for the log: never the secret, never the token. */
function describeSource(source) {
    switch (source) {
        case 'inputs':
            return 'presign-access-key-id / presign-secret-access-key';
        case 'ssm':
            return 'the SSM parameters presign-access-key-id-parameter / presign-secret-access-key-parameter';
        case 'workflow':
            return "the workflow's own AWS credentials";
    }
}


/***/ }),

/***/ 4151:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   bE: () => (/* binding */ parseExpiresIn)
/* harmony export */ });
/* unused harmony export MAX_EXPIRES_IN_SECONDS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8204);

/** SigV4 caps a presigned URL's X-Amz-Expires at 7 days. */
const MAX_EXPIRES_IN_SECONDS = 604800;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
/** Seconds from `3600`, `90m`, `12h` or `7d`. */
function parseDuration(text, input) {
    const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(text.trim());
    if (!match) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${text}' is not a duration: give seconds (3600) or a whole number with s, m, h or d (90m, 12h, 7d)`);
    }
    const [, amount = '', unit = ''] = match;
    return Number(amount) * (UNIT_SECONDS[unit.toLowerCase()] ?? 1);
}
/** A presigned URL's lifetime: 1 second to 7 days. */
function parseExpiresIn(text, input = 'expires-in') {
    const seconds = parseDuration(text, input);
    if (seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `'${text}' is ${seconds} s; presigned URLs last from 1 second to 7 days (604800 s, the SigV4 maximum)`);
    }
    return seconds;
}
/** A short human form of a number of seconds: `7d`, `1h 30m`, `45s`. */
function formatSeconds(seconds) {
    const parts = [];
    let rest = Math.round(seconds);
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60]
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    if (rest > 0 || parts.length === 0)
        parts.push(`${rest}s`);
    return parts.join(' ');
}


/***/ }),

/***/ 8204:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dJ: () => (/* binding */ PostError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
// Error classes that carry what the user needs: which input or graph, and what to do about it.
/** An input is missing, malformed or contradicts another; raised before any side effect. */
class InputError extends Error {
    input;
    constructor(input, detail) {
        // "Input 'x' is required: …" reads as a sentence; other details follow a colon.
        super(/^(is|has) /.test(detail) ? `Input '${input}' ${detail}` : `Input '${input}': ${detail}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A failure with a known cause and a fix, worth showing to the user as is. */
class ActionError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
    }
}
/** Slack refused a message after others were posted: those are in the channel, and say so. */
class PostError extends ActionError {
    posted;
    constructor(message, 
    /** Where the messages that made it landed (channel, ts), in order. */
    posted, options) {
        super(message, options);
        this.posted = posted;
        this.name = 'PostError';
    }
}
/** The message of anything thrown, without a stack trace. */
function describeError(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 8976:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ describeFailures)
/* harmony export */ });
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7293);

/** Failures grouped by cause, so one wrong secret reads as one line, not fifty. */
function describeFailures(failed) {
    const byCause = new Map();
    for (const outcome of failed) {
        if (!outcome.failure)
            continue;
        byCause.set(outcome.failure, [...(byCause.get(outcome.failure) ?? []), (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_0__/* .label */ .Pf)(outcome.graph)]);
    }
    return [...byCause].map(([cause, graphs]) => `- ${graphs.join(', ')}: ${cause}`).join('\n');
}


/***/ }),

/***/ 6303:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9292);
// The action's entry point: everything happens in run(), which reports failure itself.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3278:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AX: () => (/* binding */ readApiUrl),
/* harmony export */   JI: () => (/* binding */ readInteger),
/* harmony export */   Kf: () => (/* binding */ readChoice),
/* harmony export */   Vf: () => (/* binding */ readBoolean),
/* harmony export */   Wr: () => (/* binding */ readInstant),
/* harmony export */   XP: () => (/* binding */ readRegion),
/* harmony export */   hF: () => (/* binding */ input),
/* harmony export */   jk: () => (/* binding */ readBucket),
/* harmony export */   nt: () => (/* binding */ checkParameterName),
/* harmony export */   tG: () => (/* binding */ checkAccessKeyId)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1915);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8021);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8204);
// Readers for single inputs: each returns a typed value or throws an InputError that names the
// input and says what is accepted. No I/O beyond the inputs themselves.



/** The input's value, trimmed ('' when not given). */
function input(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name).trim();
}
const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;
function readRegion(name, value) {
    if (!value) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is required: set it, or AWS_REGION / AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials sets AWS_REGION)');
    }
    if (!REGION.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not an AWS region code such as us-east-1 or eu-west-2`);
    }
    return value;
}
function readBucket(value) {
    if (!value)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('s3-bucket', 'is required: the private bucket that stores the PNGs');
    if (/^(s3|https?):\/\//i.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('s3-bucket', `'${value}' is a URL; give the bucket's name only (my-bucket)`);
    }
    const valid = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) &&
        !value.includes('..') &&
        !/^\d+\.\d+\.\d+\.\d+$/.test(value);
    if (!valid) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('s3-bucket', `'${value}' is not a valid bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit`);
    }
    return value;
}
/** Also used for the key id read from SSM. */
function checkAccessKeyId(name, accessKeyId) {
    if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is not an AWS access key id (16 to 128 uppercase letters and digits, such as AKIA…); is it the secret key by mistake?');
    }
    if ((0,_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .isTemporaryKeyId */ .qt)(accessKeyId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, 'is a temporary (ASIA…) key id: without its session token it cannot sign a working URL, and with one the URL would die with the session. Use a dedicated IAM user’s long-term (AKIA…) keys');
    }
}
function checkParameterName(name, value) {
    // A name (/team/graphs/key-id) or an ARN; SSM allows letters, digits and .-_/ in names.
    if (!/^(arn:[\w-]+:ssm:[\w-]+:\d{12}:parameter)?[\w./-]{1,2048}$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not an SSM parameter name such as /graphs/signer/key-id`);
    }
}
function readApiUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('slack-api-url', `'${value}' is not a URL such as https://slack.com/api/`);
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        // The token travels with every request: plain http only to this machine (a local stand-in).
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('slack-api-url', `'${value}' must be an https URL (plain http only for 127.0.0.1 or localhost)`);
    }
    // The client appends the method name, so the base must end with '/'.
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
function readBoolean(name, fallback) {
    const value = input(name);
    if (!value)
        return fallback;
    if (/^(true|yes|on)$/i.test(value))
        return true;
    if (/^(false|no|off)$/i.test(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not a boolean: use true or false`);
}
function readInteger(name, fallback, min, max) {
    const value = input(name);
    if (!value)
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not a whole number from ${min} to ${max}`);
    }
    return Number(value);
}
function readChoice(name, choices, fallback) {
    const value = input(name).toLowerCase();
    if (!value)
        return fallback;
    const found = choices.find(choice => choice === value);
    if (!found)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not one of: ${choices.join(', ')}`);
    return found;
}
/**
 * ISO 8601 with a time zone. Tolerates the quotes that configure-aws-credentials' aws-expiration
 * output carries (it is a Date serialised as JSON).
 */
function readInstant(name, raw) {
    const value = raw.replace(/^"(.*)"$/, '$1').trim();
    if (!value)
        return undefined;
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
    const date = new Date(value);
    // Date rolls 2026-02-30 over to March: the written day and time must survive the round trip.
    const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value) ?? [];
    const exists = Number(month) >= 1 &&
        Number(month) <= 12 &&
        Number(day) >= 1 &&
        Number(day) <= new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() &&
        Number(hour) <= 23 &&
        Number(minute) <= 59;
    if (!iso.test(value) || Number.isNaN(date.getTime()) || !exists) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(name, `'${value}' is not an ISO 8601 time with a zone, such as 2026-11-29T10:00:00Z`);
    }
    return date;
}


/***/ }),

/***/ 9292:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../node_modules/@actions/core/lib/core.js + 11 modules
var core = __nccwpck_require__(1915);
// EXTERNAL MODULE: ../src/concurrency.ts
var concurrency = __nccwpck_require__(8540);
// EXTERNAL MODULE: ../src/duration.ts
var duration = __nccwpck_require__(4151);
// EXTERNAL MODULE: ../src/errors.ts
var errors = __nccwpck_require__(8204);
// EXTERNAL MODULE: ../src/failures.ts
var failures = __nccwpck_require__(8976);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ../src/input-values.ts
var input_values = __nccwpck_require__(3278);
;// CONCATENATED MODULE: ../src/document.ts
// The widgets text as data. Most workflows give JSON (the console's "Source" view), which
// JSON.parse reads at once; YAML's parser is a third of the bundle's entry, so it loads only for
// text that is not JSON, and start-up (or a fast failure on bad input) does not pay for it.

async function readDocument(text, input) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        return readYaml(text, input);
    }
    const twice = repeatedKey(text);
    if (twice !== undefined) {
        // YAML refuses this; JSON.parse would silently keep the last one and drop the other.
        throw new errors/* InputError */.dz(input, `has the key ${JSON.stringify(twice)} twice in one object: keep one (JSON readers keep only the last)`);
    }
    return document;
}
async function readYaml(text, input) {
    const { parse } = await __nccwpck_require__.e(/* import() */ 637).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6637, 19));
    try {
        return parse(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, `is not valid YAML or JSON: ${firstLine((0,errors/* describeError */.Uc)(error))}`);
    }
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** The first key that appears twice in one object of a valid JSON text, if any. */
function repeatedKey(json) {
    // One entry per open object (its keys so far) or array (undefined).
    const open = [];
    for (let i = 0; i < json.length; i++) {
        const char = json[i];
        if (char === '{')
            open.push(new Set());
        else if (char === '[')
            open.push(undefined);
        else if (char === '}' || char === ']')
            open.pop();
        else if (char === '"') {
            let end = i + 1;
            while (json[end] !== '"')
                end += json[end] === '\\' ? 2 : 1;
            let next = end + 1;
            while (WHITESPACE.has(json[next] ?? ''))
                next++;
            const keys = open[open.length - 1];
            if (keys && json[next] === ':') {
                const key = JSON.parse(json.slice(i, end + 1));
                if (keys.has(key))
                    return key;
                keys.add(key);
            }
            i = end;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ../src/widgets.ts


/** GetMetricWidgetImage renders 1 to 2000 pixels in each direction. */
const MAX_PIXELS = 2000;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses the `widgets` input (or the `widgets-file` content): YAML or JSON, one graph or a list.
 * Each item is validated on a copy; what CloudWatch receives is never rewritten.
 */
async function parseGraphs(text, input) {
    const document = await readDocument(text, input);
    if (document === null || document === undefined) {
        throw new errors/* InputError */.dz(input, 'is empty: give a metric widget or a list of them');
    }
    const items = Array.isArray(document) ? document : [document];
    if (items.length === 0) {
        throw new errors/* InputError */.dz(input, 'is an empty list: give at least one metric widget');
    }
    return items.map((item, index) => parseItem(item, index + 1, input));
}
function parseItem(item, position, input) {
    const where = `item ${position}`;
    if (!isObject(item)) {
        throw new errors/* InputError */.dz(input, `${where} is ${describeType(item)}; expected a metric widget object`);
    }
    if (!('widget' in item) && 'name' in item) {
        // Not a MetricWidget key: the name would reach CloudWatch as part of the widget.
        throw new errors/* InputError */.dz(input, `${where} has 'name' but no 'widget': write it as {name: ..., widget: {metrics: ...}}`);
    }
    if ('widget' in item) {
        const name = item['name'];
        if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
            throw new errors/* InputError */.dz(input, `${where}: 'name' must be a non-empty string`);
        }
        return buildGraph(item['widget'], position, input, typeof name === 'string' ? name : undefined);
    }
    return buildGraph(item, position, input, undefined);
}
function buildGraph(widget, position, input, name) {
    const where = `item ${position}${name ? ` ('${name}')` : ''}`;
    let properties;
    let metricWidget;
    if (typeof widget === 'string') {
        try {
            properties = JSON.parse(widget);
        }
        catch (error) {
            throw new errors/* InputError */.dz(input, `${where}: 'widget' is not valid JSON: ${(0,errors/* describeError */.Uc)(error)}`);
        }
        metricWidget = widget;
    }
    else {
        properties = widget;
        metricWidget = '';
    }
    if (isObject(properties) && 'properties' in properties && 'type' in properties) {
        // A dashboard widget as the console's dashboard source shows it: render its properties.
        if (properties['type'] !== 'metric') {
            throw new errors/* InputError */.dz(input, `${where} is a '${String(properties['type'])}' dashboard widget; only 'metric' widgets are graphs`);
        }
        properties = properties['properties'];
        metricWidget = '';
    }
    if (!isObject(properties)) {
        throw new errors/* InputError */.dz(input, `${where}: the widget is ${describeType(properties)}; expected an object`);
    }
    checkMetricWidget(properties, where, input);
    const title = typeof properties['title'] === 'string' ? properties['title'].trim() : '';
    return {
        position,
        name: name?.trim() || title || `graph-${position}`,
        metricWidget: metricWidget || JSON.stringify(properties)
    };
}
/** The checks CloudWatch itself would make, so a bad widget fails before anything is uploaded. */
function checkMetricWidget(widget, where, input) {
    const metrics = widget['metrics'];
    const annotations = widget['annotations'];
    const alarms = isObject(annotations) ? annotations['alarms'] : undefined;
    const hasMetrics = Array.isArray(metrics) && metrics.length > 0;
    const hasAlarms = Array.isArray(alarms) && alarms.length > 0;
    if (metrics !== undefined && !Array.isArray(metrics)) {
        throw new errors/* InputError */.dz(input, `${where}: 'metrics' must be a list of metric rows`);
    }
    if (!hasMetrics && !hasAlarms) {
        throw new errors/* InputError */.dz(input, `${where} has no 'metrics' and no alarm annotation ('annotations.alarms'): CloudWatch needs one of them to draw a graph`);
    }
    for (const side of ['width', 'height']) {
        const value = widget[side];
        if (value === undefined)
            continue;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PIXELS) {
            throw new errors/* InputError */.dz(input, `${where}: '${side}' is ${JSON.stringify(value)}; GetMetricWidgetImage takes whole pixels from 1 to ${MAX_PIXELS}`);
        }
    }
}
function describeType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(truncate(value, 40))}`;
    return `a ${typeof value}`;
}
function truncate(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

;// CONCATENATED MODULE: ../src/inputs.ts
// Every input in one place: read, validated and typed before anything touches the network.
// Secrets are masked the moment they are read.







const MAX_CONCURRENCY = 20;
const DEFAULT_KEY_PREFIX = 'cloudwatch-graphs/';
async function getInputs(env = process.env) {
    // Secrets first: masked before anything else can fail and print.
    const presignSecret = core/* getInput */.V4('presign-secret-access-key').trim();
    if (presignSecret)
        core/* setSecret */.Pq(presignSecret);
    const slackToken = core/* getInput */.V4('slack-token').trim();
    if (slackToken)
        core/* setSecret */.Pq(slackToken);
    const dashboards = readDashboards();
    const graphs = await readGraphs(env, dashboards.length > 0);
    const delivery = (0,input_values/* readChoice */.Kf)('delivery', ['presigned-url', 'slack-upload'], 'presigned-url');
    if (delivery === 'slack-upload')
        checkNotForSlackUpload(presignSecret);
    const awsRegion = (0,input_values/* readRegion */.XP)('aws-region', (0,input_values/* input */.hF)('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || '');
    const s3Region = (0,input_values/* input */.hF)('s3-region') ? (0,input_values/* readRegion */.XP)('s3-region', (0,input_values/* input */.hF)('s3-region')) : awsRegion;
    const dryRun = (0,input_values/* readBoolean */.Vf)('dry-run', false);
    const credentialExpiration = (0,input_values/* readInstant */.Wr)('credential-expiration', (0,input_values/* input */.hF)('credential-expiration'));
    const environmentCredentialExpiration = readEnvironmentExpiration(env);
    return {
        graphs,
        dashboards,
        delivery,
        awsRegion,
        s3: {
            bucket: delivery === 'slack-upload' ? '' : (0,input_values/* readBucket */.jk)((0,input_values/* input */.hF)('s3-bucket')),
            region: s3Region,
            keyPrefix: readKeyPrefix(env),
            forcePathStyle: (0,input_values/* readBoolean */.Vf)('s3-force-path-style', false)
        },
        expiresInSeconds: (0,duration/* parseExpiresIn */.bE)((0,input_values/* input */.hF)('expires-in') || '7d'),
        signer: readSigner(presignSecret),
        credentialExpiration,
        environmentCredentialExpiration,
        temporaryCredentials: (0,input_values/* readChoice */.Kf)('temporary-credentials', ['warn', 'fail'], 'warn'),
        slack: readSlack(slackToken, dryRun, delivery),
        dryRun,
        verifyUrls: (0,input_values/* readBoolean */.Vf)('verify-urls', true),
        maxConcurrency: (0,input_values/* readInteger */.JI)('max-concurrency', 5, 1, MAX_CONCURRENCY),
        timeoutSeconds: readTimeout()
    };
}
/** Dashboard names, one per line or comma-separated. */
function readDashboards() {
    const names = (0,input_values/* input */.hF)('dashboard')
        .split(/[\n,]/)
        .map(name => name.trim())
        .filter(Boolean);
    for (const name of names) {
        if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
            throw new errors/* InputError */.dz('dashboard', `'${name}' is not a dashboard name (letters, digits, '-' and '_'); give one name per line`);
        }
    }
    if (new Set(names).size !== names.length) {
        throw new errors/* InputError */.dz('dashboard', 'names a dashboard twice');
    }
    return names;
}
/** The graphs of widgets or widgets-file; none is fine when dashboards give graphs. */
async function readGraphs(env, haveDashboards) {
    const inline = core/* getInput */.V4('widgets');
    const file = (0,input_values/* input */.hF)('widgets-file');
    if (inline.trim() && file) {
        throw new errors/* InputError */.dz('widgets', "give either 'widgets' or 'widgets-file', not both");
    }
    if (inline.trim())
        return parseGraphs(inline, 'widgets');
    if (!file) {
        if (haveDashboards)
            return [];
        throw new errors/* InputError */.dz('widgets', "is required: give the graphs inline in 'widgets' (YAML or JSON), a file in 'widgets-file', or dashboard names in 'dashboard'");
    }
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const full = external_node_path_default().resolve(workspace, file);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(full, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const why = code === 'ENOENT' ? 'no such file' : (0,errors/* describeError */.Uc)(error);
        throw new errors/* InputError */.dz('widgets-file', `cannot read '${file}' (${why}); the path is relative to the workspace: did the workflow check out the repository (actions/checkout) first?`);
    }
    return parseGraphs(text, 'widgets-file');
}
/** An empty prefix is allowed; an absent one (no runner filled in the default) is the default. */
function readKeyPrefix(env) {
    const given = env['INPUT_S3-KEY-PREFIX'] !== undefined;
    const value = given ? (0,input_values/* input */.hF)('s3-key-prefix') : DEFAULT_KEY_PREFIX;
    if (value.startsWith('/')) {
        throw new errors/* InputError */.dz('s3-key-prefix', `'${value}' starts with '/'; S3 keys have no leading slash`);
    }
    if (value.length > 512) {
        throw new errors/* InputError */.dz('s3-key-prefix', 'is longer than 512 characters; S3 keys hold 1024 bytes in all');
    }
    return value;
}
function readSigner(secretAccessKey) {
    const accessKeyId = (0,input_values/* input */.hF)('presign-access-key-id');
    const idParameter = (0,input_values/* input */.hF)('presign-access-key-id-parameter');
    const secretParameter = (0,input_values/* input */.hF)('presign-secret-access-key-parameter');
    const direct = Boolean(accessKeyId || secretAccessKey);
    const fromSsm = Boolean(idParameter || secretParameter);
    if (direct && fromSsm) {
        throw new errors/* InputError */.dz('presign-access-key-id', 'give the signing keys one way: presign-access-key-id + presign-secret-access-key, or the two SSM parameter names, not both');
    }
    if (direct) {
        if (!accessKeyId)
            throw pairError('presign-access-key-id', 'presign-secret-access-key');
        if (!secretAccessKey)
            throw pairError('presign-secret-access-key', 'presign-access-key-id');
        (0,input_values/* checkAccessKeyId */.tG)('presign-access-key-id', accessKeyId);
        return { kind: 'inputs', accessKeyId, secretAccessKey };
    }
    if (fromSsm) {
        if (!idParameter) {
            throw pairError('presign-access-key-id-parameter', 'presign-secret-access-key-parameter');
        }
        if (!secretParameter) {
            throw pairError('presign-secret-access-key-parameter', 'presign-access-key-id-parameter');
        }
        (0,input_values/* checkParameterName */.nt)('presign-access-key-id-parameter', idParameter);
        (0,input_values/* checkParameterName */.nt)('presign-secret-access-key-parameter', secretParameter);
        return {
            kind: 'ssm',
            accessKeyIdParameter: idParameter,
            secretAccessKeyParameter: secretParameter
        };
    }
    return { kind: 'workflow' };
}
function pairError(missing, given) {
    return new errors/* InputError */.dz(missing, `is required when '${given}' is given: the two go together`);
}
/** With Slack hosting the images there is no bucket and nothing to sign: say so, not ignore it. */
function checkNotForSlackUpload(presignSecret) {
    const unused = [
        's3-bucket',
        'presign-access-key-id',
        'presign-access-key-id-parameter',
        'presign-secret-access-key-parameter'
    ].filter(name => (0,input_values/* input */.hF)(name));
    if (presignSecret)
        unused.push('presign-secret-access-key');
    const [first] = unused;
    if (first) {
        throw new errors/* InputError */.dz(first, `is not used with delivery: slack-upload (Slack hosts the images: no bucket, nothing to sign); remove ${unused.join(', ')} or use delivery: presigned-url`);
    }
}
function readSlack(token, dryRun, delivery) {
    const channel = (0,input_values/* input */.hF)('slack-channel');
    const text = (0,input_values/* input */.hF)('slack-text');
    const threadTs = (0,input_values/* input */.hF)('slack-thread-ts');
    const thread = (0,input_values/* readChoice */.Kf)('slack-thread', ['none', 'images'], 'none');
    if (threadTs && thread === 'images') {
        throw new errors/* InputError */.dz('slack-thread-ts', 'cannot go with slack-thread: images, which starts a thread of its own; use one or the other');
    }
    const apiUrl = (0,input_values/* readApiUrl */.AX)((0,input_values/* input */.hF)('slack-api-url') || 'https://slack.com/api/');
    if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
        throw new errors/* InputError */.dz('slack-thread-ts', `'${threadTs}' is not a message ts such as 1732868400.123456`);
    }
    if (!token && delivery === 'slack-upload' && !dryRun) {
        throw new errors/* InputError */.dz('slack-token', 'is required with delivery: slack-upload (Slack hosts the images)');
    }
    // A dry run needs neither, but what is given is still checked.
    if (!token && !dryRun)
        throw new errors/* InputError */.dz('slack-token', 'is required (or set dry-run: true to skip posting)');
    if (!channel && !dryRun)
        throw new errors/* InputError */.dz('slack-channel', 'is required (or set dry-run: true to skip posting)');
    if (token && !/^(xoxe\.)?xox[a-z]-/.test(token)) {
        throw new errors/* InputError */.dz('slack-token', 'is not a Slack token (xoxb-… for a bot); an incoming-webhook URL cannot post images this way');
    }
    if (/\s/.test(channel)) {
        throw new errors/* InputError */.dz('slack-channel', `'${channel}' is not a channel id (C0123ABCDEF) or name`);
    }
    if (!token || !channel)
        return undefined;
    return {
        token,
        channel,
        text: text || undefined,
        threadTs: threadTs || undefined,
        apiUrl,
        thread
    };
}
/** 10 seconds to 6 hours (a job's own limit); the same forms as expires-in. */
function readTimeout() {
    const value = (0,input_values/* input */.hF)('timeout') || '10m';
    const seconds = (0,duration/* parseDuration */.E9)(value, 'timeout');
    if (seconds < 10 || seconds > 6 * 3600) {
        throw new errors/* InputError */.dz('timeout', `'${value}' is out of range: from 10s to 6h`);
    }
    return seconds;
}
/** AWS_CREDENTIAL_EXPIRATION is not ours to reject: a bad value is ignored with a warning. */
function readEnvironmentExpiration(env) {
    const raw = env.AWS_CREDENTIAL_EXPIRATION?.trim() ?? '';
    try {
        return (0,input_values/* readInstant */.Wr)('credential-expiration', raw);
    }
    catch {
        core/* warning */.$e(`AWS_CREDENTIAL_EXPIRATION='${raw}' is not an ISO 8601 time; ignored`);
        return undefined;
    }
}

// EXTERNAL MODULE: ../src/phases.ts
var phases = __nccwpck_require__(7687);
;// CONCATENATED MODULE: ../src/main.ts
// Orchestration only: validate everything, read the dashboards, then hand the graphs to the
// delivery (presigned URLs, or Slack-hosted files), then report. The AWS SDK, the presigner and the
// Slack client load after validation, so bad input fails fast.







async function run() {
    const startedAt = performance.now();
    let deadline;
    try {
        (0,phases/* enterPhase */.aO)('reading inputs');
        const inputs = await getInputs();
        logInputs(inputs);
        deadline = startDeadline(inputs.timeoutSeconds);
        const timings = {};
        const cloudwatch = await Promise.all(/* import() */[__nccwpck_require__.e(265), __nccwpck_require__.e(543), __nccwpck_require__.e(678)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1678));
        let signalSent = () => { };
        const requestSent = new Promise(resolve => (signalSent = resolve));
        const client = cloudwatch.createCloudWatchClient(inputs.awsRegion, () => signalSent());
        const graphs = await collectGraphs(inputs, client, cloudwatch.readDashboard);
        const deliver = inputs.delivery === 'slack-upload'
            ? (await __nccwpck_require__.e(/* import() */ 235).then(__nccwpck_require__.bind(__nccwpck_require__, 5235))).deliverSlackHosted
            : (await __nccwpck_require__.e(/* import() */ 914).then(__nccwpck_require__.bind(__nccwpck_require__, 5914))).deliverPresigned;
        const report = await deliver(inputs, graphs, { client, fetchImage: cloudwatch.fetchGraphImage, requestSent }, timings);
        timings.total = performance.now() - startedAt;
        (0,phases/* enterPhase */.aO)('reporting');
        const { setOutputs, writeSummary, formatTimings } = await __nccwpck_require__.e(/* import() */ 457).then(__nccwpck_require__.bind(__nccwpck_require__, 5457));
        setOutputs(report);
        await writeSummary(report);
        (0,phases/* endPhases */.SH)();
        core/* info */.pq(`Done in ${formatTimings(timings)}`);
        if (report.postFailure)
            throw new errors/* ActionError */.lZ(report.postFailure);
        const failed = report.outcomes.filter(outcome => outcome.failure);
        if (failed.length > 0) {
            const others = report.outcomes.length - failed.length;
            throw new errors/* ActionError */.lZ(`${failed.length} of ${report.outcomes.length} graphs failed; the other ${others} ${report.dryRun ? 'were rendered' : 'were posted'}:\n${(0,failures/* describeFailures */.n)(failed)}`);
        }
    }
    catch (error) {
        (0,phases/* endPhases */.SH)();
        if (core/* isDebug */._o() && error instanceof Error && error.stack)
            core/* debug */.Yz(error.stack);
        core/* setFailed */.C1((0,errors/* describeError */.Uc)(error));
    }
    finally {
        clearTimeout(deadline);
    }
}
/** A scheduled run must never hang: past the deadline the action fails and exits. */
function startDeadline(seconds) {
    const timer = setTimeout(() => {
        const phase = (0,phases/* currentPhase */.hk)();
        (0,phases/* endPhases */.SH)();
        core/* setFailed */.C1(`The action did not finish within ${(0,duration/* formatSeconds */.Xo)(seconds)} (input 'timeout') and was stopped while ${phase}.`);
        process.exit(1);
    }, seconds * 1000);
    timer.unref();
    return timer;
}
function logInputs(inputs) {
    const count = inputs.graphs.length;
    const dashboards = inputs.dashboards.length > 0 ? ` + dashboards ${inputs.dashboards.join(', ')}` : '';
    const where = inputs.delivery === 'slack-upload'
        ? 'delivery: slack-upload'
        : `s3://${inputs.s3.bucket}/${inputs.s3.keyPrefix} in ${inputs.s3.region}; signer: ${inputs.signer.kind}; expires-in ${inputs.expiresInSeconds} s`;
    core/* info */.pq(`${count} graph${count === 1 ? '' : 's'}${dashboards}; CloudWatch in ${inputs.awsRegion}; ${where}; ` +
        `max-concurrency ${inputs.maxConcurrency}${inputs.dryRun ? '; dry run' : ''}`);
}
/** The graphs of widgets / widgets-file, then every metric widget of each dashboard, numbered. */
async function collectGraphs(inputs, client, readDashboard) {
    if (inputs.dashboards.length === 0)
        return inputs.graphs;
    (0,phases/* enterPhase */.aO)('reading dashboards');
    const { dashboardGraphs } = await __nccwpck_require__.e(/* import() */ 378).then(__nccwpck_require__.bind(__nccwpck_require__, 2378));
    const bodies = await (0,concurrency/* mapWithConcurrency */.W)(inputs.dashboards, inputs.maxConcurrency, name => readDashboard(client, name, inputs.awsRegion));
    const fromDashboards = inputs.dashboards.flatMap((name, i) => {
        let content;
        try {
            content = dashboardGraphs(name, bodies[i] ?? '{}');
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`Dashboard '${name}' cannot be read: ${(0,errors/* describeError */.Uc)(error)}`);
        }
        for (const widget of content.skipped) {
            core/* notice */.lm(`Dashboard '${name}': skipped the ${widget.type} widget '${widget.title}' (only metric widgets are graphs)`);
        }
        core/* info */.pq(`Dashboard '${name}': ${content.graphs.length} graph(s), ${content.skipped.length} other widget(s) skipped`);
        return content.graphs;
    });
    const graphs = [...inputs.graphs, ...fromDashboards].map((graph, i) => ({
        ...graph,
        position: i + 1
    }));
    if (graphs.length === 0) {
        throw new errors/* ActionError */.lZ(`The dashboards ${inputs.dashboards.join(', ')} have no metric widgets: nothing to post`);
    }
    return graphs;
}


/***/ }),

/***/ 7687:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SH: () => (/* binding */ endPhases),
/* harmony export */   aO: () => (/* binding */ enterPhase),
/* harmony export */   hk: () => (/* binding */ currentPhase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1915);
// The run's phases: each one is a collapsible group in the log, and the deadline's error names
// the phase the action was in when it hung.

let current;
/** Ends the previous phase's log group and starts this one's ('rendering graphs'). */
function enterPhase(phase) {
    if (current)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    current = phase;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(phase.charAt(0).toUpperCase() + phase.slice(1));
}
/** Closes the last group, so what follows (the result, an error) is not folded away. */
function endPhases() {
    if (current)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    current = undefined;
}
function currentPhase() {
    return current ?? 'starting';
}


/***/ }),

/***/ 7293:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   uu: () => (/* binding */ renderGraphs)
/* harmony export */ });
/* unused harmony export MAX_UPLOADS */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1915);
/* harmony import */ var _concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8540);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8204);
// fetch → upload → presign → check, per graph: at most max-concurrency fetches at once (CloudWatch's
// quota), each graph uploaded once it has arrived and the signing decision is made, URL checks
// beside them. A graph that fails is recorded with its cause and the others go on; a failure that
// concerns every graph (no credentials, signing refused) stops the run before anything is uploaded.



/**
 * Uploads in flight at most. S3 has no quota like CloudWatch's 20 calls a second, so uploads are
 * not held to max-concurrency: a wave of graphs that arrives while the previous wave is still
 * uploading (the first uploads wait for the signing decision) goes up at once. The SDK's own
 * socket pool is 50.
 */
const MAX_UPLOADS = 20;
async function renderGraphs(graphs, options, deps) {
    const { bucket } = options;
    // Two stages: a graph's upload starts as soon as its image arrives, and its fetch slot goes
    // straight to the next graph instead of waiting for S3.
    const maxUploads = options.maxUploads ?? MAX_UPLOADS;
    const fetches = new _concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .Limiter */ .j(options.maxConcurrency);
    const uploads = new _concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .Limiter */ .j(maxUploads);
    // Graphs fetched but not yet stored, at most: while the signing decision is pending (or S3 is
    // slow), the fetches stop there instead of rendering (and holding) every graph.
    const held = new _concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .Limiter */ .j(options.maxConcurrency + maxUploads);
    // Once the plan has failed, no graph can be stored: fetch nothing more.
    let planFailed = false;
    deps.plan.catch(() => {
        planFailed = true;
    });
    const checks = [];
    async function render(graph, i) {
        const outcome = { graph };
        let image;
        try {
            image = await fetches.run(async () => {
                if (planFailed)
                    await deps.plan; // rethrows the plan's error
                return deps.fetchImage(deps.cloudwatch, graph);
            });
        }
        catch (error) {
            if (planFailed)
                await deps.plan; // the run ends with the plan's error, not this graph's
            outcome.failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
            return outcome;
        }
        const plan = await deps.plan; // a rejection here is for every graph: it ends the run
        const key = plan.keys[i];
        outcome.bytes = image.length;
        // Presigned while the upload is out (signing needs no network); used once the object is stored.
        const presigning = Promise.resolve().then(() => deps.presign(plan.presignClient, bucket, key, options.expiresInSeconds, plan.signedAt));
        presigning.catch(() => undefined); // awaited below, unless the upload fails first
        try {
            await uploads.run(() => deps.upload(plan.uploadClient, bucket, key, image));
            outcome.key = key; // only a stored object has a key to report
            outcome.url = await presigning;
        }
        catch (error) {
            outcome.failure = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
            return outcome;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB → s3://${bucket}/${key}`);
        // Checked outside both stages: the next graph need not wait for it.
        if (deps.check) {
            const url = outcome.url;
            checks.push(deps.check(key, url).then(problem => {
                if (problem)
                    outcome.failure = `the presigned URL does not serve the image: ${problem}`;
            }, (error) => {
                outcome.failure = `the URL check failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`;
            }));
        }
        return outcome;
    }
    const outcomes = await Promise.all(graphs.map((graph, i) => held.run(async () => render(graph, i))));
    deps.onStored?.();
    await Promise.all(checks);
    return outcomes;
}
/** `03 CPU`: the graph's number and name, as in the object key. */
function label(graph) {
    return `${String(graph.position).padStart(2, '0')} ${graph.name}`;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 1915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  N4: () => (/* binding */ endGroup),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  Oh: () => (/* binding */ startGroup),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, error, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, markdownSummary, platform, saveState, setCommandEcho, toPlatformPath, toPosixPath, toWin32Path

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6303);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
