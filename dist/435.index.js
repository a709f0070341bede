export const id = 435;
export const ids = [435];
export const modules = {

/***/ 8435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/CloudWatchClient.js + 11 modules
var CloudWatchClient = __webpack_require__(4234);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/S3Client.js + 9 modules
var S3Client = __webpack_require__(8897);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/SSMClient.js + 8 modules
var SSMClient = __webpack_require__(7650);
// EXTERNAL MODULE: ./src/domain/concurrency.ts
var concurrency = __webpack_require__(7571);
// EXTERNAL MODULE: ./src/domain/errors.ts
var errors = __webpack_require__(241);
// EXTERNAL MODULE: ./src/domain/network-errors.ts
var network_errors = __webpack_require__(5940);
;// CONCATENATED MODULE: ./src/aws/errors.ts
// What an AWS SDK error says, read one way for every service, and the failures of the run's setup
// (no credentials, a region that does not exist) said with their fix.


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
/**
 * `Code: message`, as the service said it. A call stopped by the run's work signal says why (the
 * signal's reason), and one whose every attempt timed out says that, not the HTTP handler's words;
 * for a certificate Node does not trust, what to do.
 */
function awsErrorText(error, signal) {
    if (signal?.aborted)
        return (0,errors/* describeError */.Uc)(signal.reason);
    if (isTimeout(error)) {
        const attempts = error.$metadata?.attempts ?? 1;
        return `TimeoutError: no answer in time (${attempts} attempt${attempts === 1 ? '' : 's'}, each stopped at the per-attempt limit that input 'timeout' sets)`;
    }
    const { code: tlsCode, message } = (error ?? {});
    const hint = (0,network_errors/* certificateHint */.VY)(tlsCode);
    if (hint)
        return `${String(message)} (${String(tlsCode)}). ${hint}`;
    if (error instanceof Error) {
        const code = awsErrorCode(error);
        return code && code !== 'Error' ? `${code}: ${error.message}` : error.message;
    }
    return (0,errors/* describeError */.Uc)(error);
}
/** The SDK's HTTP handler gave up waiting: for a connection, or for an answer. */
function isTimeout(error) {
    return error instanceof Error && error.name === 'TimeoutError';
}
const NO_CREDENTIALS = "No AWS credentials: this step needs the workflow's AWS credentials (to render the graphs, and to store them and read the signer's SSM parameters). Run aws-actions/configure-aws-credentials in a step before it, with 'permissions: id-token: write' on the job for its OIDC role (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).";
/**
 * Throws a SetupError when the call failed for a reason every call will meet: no credentials, or
 * an endpoint whose name does not resolve (a region that does not exist, named by `regionInput`).
 */
function throwIfSetupProblem(error, regionInput) {
    const { message, code, hostname } = (error ?? {});
    // The default chain's last word when no provider had anything (not a provider that failed).
    if (/Could not load credentials from any providers/.test(String(message))) {
        throw new errors/* SetupError */.w3(NO_CREDENTIALS, { cause: error });
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        const host = typeof hostname === 'string' ? hostname : 'the AWS endpoint';
        const why = code === 'ENOTFOUND' ? 'no such host' : "the runner's DNS did not answer";
        throw new errors/* SetupError */.w3(`${host} does not resolve (${code}: ${why}): check ${regionInput}${regionInput === 's3-region' ? ' (it defaults to aws-region)' : ''}; it must be a region that exists, such as eu-west-1 (or check the AWS_ENDPOINT_URL_* the environment sets).`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/aws/pacer.ts


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
    constructor(perSecond, clock = () => performance.now(), sleep = concurrency/* sleep */.yy) {
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
    const name = awsErrorCode(error);
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/domain/proxy.ts
var domain_proxy = __webpack_require__(460);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
;// CONCATENATED MODULE: ./src/tunnel.ts
// A CONNECT tunnel through an HTTP proxy to one host:port: what both HTTP stacks use when a request
// goes through the proxy (src/http.ts for undici, src/aws/proxy-agents.ts for the AWS SDK), so a
// proxy behaves, and fails, the same way for every outside system. The tunnel is a plain socket to
// the target; an https target's TLS runs inside it, end to end, with Node's trusted CAs (and so
// NODE_EXTRA_CA_CERTS).




/** The most a proxy's answer to CONNECT may hold before its blank line. */
const MAX_ANSWER_BYTES = 16 * 1024;
/** Opens a tunnel to host:port, or rejects with a ProxyError that names the proxy (never its password). */
function openTunnel(proxy, host, port, timeoutMs) {
    const target = (0,domain_proxy/* hostPort */.QL)(host, port);
    return new Promise((resolve, reject) => {
        const socket = connectToProxy(proxy);
        let answer = Buffer.alloc(0);
        const done = () => {
            socket.removeListener('readable', onReadable);
            socket.removeListener('end', onEnd);
            socket.removeListener('error', onError);
            socket.setTimeout(0);
            socket.removeListener('timeout', onTimeout);
        };
        const fail = (refusal) => {
            done();
            socket.on('error', () => undefined).destroy();
            reject(new network_errors/* ProxyError */.T6(proxy, refusal));
        };
        const onError = (error) => fail({ kind: 'unreachable', reason: error.code ?? error.message, target });
        const onEnd = () => fail({ kind: 'unreachable', reason: 'it closed the connection', target });
        const onTimeout = () => fail({ kind: 'timeout', seconds: timeoutMs / 1000, target });
        const onReadable = () => {
            let chunk;
            while ((chunk = socket.read()) !== null) {
                answer = Buffer.concat([answer, chunk]);
                const end = answer.indexOf('\r\n\r\n');
                if (end >= 0)
                    return settle(answer.subarray(0, end), answer.subarray(end + 4));
                if (answer.length > MAX_ANSWER_BYTES)
                    return fail({ kind: 'garbled', target });
            }
        };
        const settle = (head, rest) => {
            const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.toString('latin1'))?.[1]);
            if (!status)
                return fail({ kind: 'garbled', target });
            if (status < 200 || status > 299)
                return fail({ kind: 'status', status, target });
            done();
            // Errors after this are the request's; this keeps one that arrives before its listener
            // from crashing the process.
            socket.on('error', () => undefined);
            if (rest.length > 0)
                socket.unshift(rest);
            resolve(socket);
        };
        socket.setTimeout(timeoutMs, onTimeout);
        socket.on('error', onError);
        socket.on('end', onEnd);
        socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
            socket.write(connectRequest(proxy, target));
            socket.on('readable', onReadable);
        });
    });
}
function connectToProxy(proxy) {
    if (proxy.protocol === 'http:')
        return external_node_net_default().connect({ host: proxy.host, port: proxy.port });
    return external_node_tls_default().connect({
        host: proxy.host,
        port: proxy.port,
        servername: external_node_net_default().isIP(proxy.host) ? undefined : proxy.host,
        ALPNProtocols: ['http/1.1']
    });
}
/** `CONNECT host:port`, with the proxy's credentials (Basic) when its URL has them. */
function connectRequest(proxy, target) {
    const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
    if (proxy.username !== undefined || proxy.password !== undefined) {
        const credentials = `${proxy.username ?? ''}:${proxy.password ?? ''}`;
        lines.push(`Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}`);
    }
    return `${lines.join('\r\n')}\r\n\r\n`;
}

;// CONCATENATED MODULE: ./src/http.ts
// The one HTTP client for every request outside the AWS SDK: Slack's Web API, Slack's upload URLs
// and the presigned-URL checks. It is undici, the copy @actions/core already loads for its own
// HTTP client, so the action initialises one HTTP stack rather than a second one behind Node's
// global fetch(). Whatever a request needs on its way out (a proxy, a deadline) is set here, once,
// for all of them; the AWS clients read the run's proxy from here too (aws/proxy-agents.ts).




const CONNECT_TIMEOUT_MS = 10_000;
let proxy;
let dispatcher;
/** The run's proxy (inputs and environment): set once, by connect.ts, before the first request. */
function useProxy(settings) {
    proxy = settings;
    dispatcher = undefined;
}
function proxySettings() {
    return proxy;
}
/** No request waits forever: not for a connection, not for headers, not between body chunks. */
function currentDispatcher() {
    dispatcher ??= new undici/* Agent */.g6({ connect: connector(), headersTimeout: 30_000, bodyTimeout: 30_000 });
    return dispatcher;
}
/**
 * Each new connection, direct or through a CONNECT tunnel, as the proxy settings decide for its
 * host (undici's own ProxyAgent takes one proxy for every host, and its EnvHttpProxyAgent reads
 * NO_PROXY otherwise than curl). TLS to an https target runs inside the tunnel.
 */
function connector() {
    const direct = (0,undici/* buildConnector */.gU)({ timeout: CONNECT_TIMEOUT_MS });
    const settings = proxy;
    if (!settings)
        return direct;
    return (options, callback) => {
        const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
        const through = (0,domain_proxy/* proxyFor */.iJ)(settings, options.protocol, options.hostname, port);
        if (!through)
            return direct(options, callback);
        openTunnel(through, options.hostname, port, CONNECT_TIMEOUT_MS).then(socket => {
            if (options.protocol === 'https:')
                direct({ ...options, httpSocket: socket }, callback);
            else
                callback(null, socket);
        }, (error) => callback(error, null));
    };
}
const httpFetch = async (url, init) => {
    try {
        const response = await (0,undici/* fetch */.hd)(url, {
            ...init,
            dispatcher: currentDispatcher()
        });
        return response;
    }
    catch (error) {
        throw (0,network_errors/* findProxyError */.cL)(error) ?? withCause(error);
    }
};
/**
 * The fetch every caller uses: each request (each attempt, when the caller retries) is stopped
 * after `attemptMs` (the run's per-attempt limit, from input 'timeout'), or as soon as `stop` fires
 * (the run's work deadline), whichever comes first. A request's own signal still counts.
 */
function fetchWithin(attemptMs, stop) {
    return (url, init = {}) => {
        const signals = [AbortSignal.timeout(attemptMs), init.signal, stop];
        const signal = AbortSignal.any(signals.filter((s) => Boolean(s)));
        return httpFetch(url, { ...init, signal });
    };
}
/**
 * A request stopped by its per-attempt limit: AbortSignal.timeout's TimeoutError (a DOMException,
 * which a library may have turned into a plain Error carrying its words).
 */
function http_isTimeout(error) {
    const { name, message } = (error ?? {});
    return name === 'TimeoutError' || /^TimeoutError: /.test(String(message));
}
/**
 * fetch() fails with a bare "fetch failed"; the reason (ECONNREFUSED, a DNS or TLS failure) is in
 * its cause. Say it, so a failed request explains itself. An abort (a timeout) is left as it is.
 */
function withCause(error) {
    // Duck-typed: Node's own errors (TLS, sockets) may come from another realm than this Error.
    const cause = error?.cause;
    if (!(error instanceof TypeError) || typeof cause?.message !== 'string')
        return error;
    const reason = typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
    if (!reason || error.message.includes(reason))
        return error;
    const hint = (0,network_errors/* certificateHint */.VY)(cause.code);
    return new TypeError(`${error.message} (${reason})${hint ? `. ${hint}` : ''}`, {
        cause: error.cause
    });
}

;// CONCATENATED MODULE: ./src/aws/proxy-agents.ts
// The AWS SDK's sockets, through the proxy: node:http(s) agents for its NodeHttpHandler that decide
// per connection, as the proxy settings say for its host, to go direct or through a CONNECT
// tunnel (../tunnel.ts). undici's dispatcher cannot serve the SDK's node:http handler, and no
// proxy agent package is needed for this much.





/** The pool NodeHttpHandler makes for itself when given no agent. */
const POOL = { keepAlive: true, maxSockets: 50 };
/**
 * The SDK's connection timeout covers the tunnel too (the socket is the request's once the tunnel
 * is up); this one only frees the socket of a proxy that never answers.
 */
const TUNNEL_TIMEOUT_MS = 10_000;
/**
 * A node:http(s) agent that sends each connection direct or through a CONNECT tunnel, as the proxy
 * settings say for its host. For https, TLS to the service runs inside the tunnel.
 */
function tunnellingAgent(protocol, settings) {
    const Base = protocol === 'https:' ? (external_node_https_default()).Agent : (external_node_http_default()).Agent;
    const defaultPort = protocol === 'https:' ? 443 : 80;
    return new (class extends Base {
        createConnection(options, callback) {
            const host = options.host ?? 'localhost';
            const port = Number(options.port) || defaultPort;
            const through = (0,domain_proxy/* proxyFor */.iJ)(settings, protocol, host, port);
            if (!through)
                return super.createConnection(options);
            if (!callback)
                throw new Error('a tunnel through the proxy opens asynchronously');
            openTunnel(through, host, port, TUNNEL_TIMEOUT_MS).then(socket => {
                if (protocol === 'http:')
                    return callback(null, socket);
                // Handed over once TLS is up, so that a certificate Node does not trust fails the
                // request with its own error.
                const secure = super.createConnection({ ...options, socket });
                const onError = (error) => callback(error, secure);
                secure.once('error', onError);
                secure.once('secureConnect', () => {
                    secure.removeListener('error', onError);
                    callback(null, secure);
                });
            }, callbackError(callback));
            return undefined;
        }
    })(POOL);
}
function callbackError(callback) {
    return error => callback(error, undefined);
}
let agents;
/**
 * The agents for every AWS client of the run, when it has a proxy (shared, so the clients share
 * their tunnels); none otherwise, and the SDK makes its own.
 */
function proxyAgents() {
    const settings = proxySettings();
    if (!settings)
        return {};
    if (agents?.for !== settings) {
        agents = {
            for: settings,
            httpAgent: tunnellingAgent('http:', settings),
            httpsAgent: tunnellingAgent('https:', settings)
        };
    }
    return { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent };
}

;// CONCATENATED MODULE: ./src/aws/clients.ts
// Every AWS client the action makes, from one set of settings: who we are, how hard to retry, how
// long to wait. Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
// keep working.





const USER_AGENT = ['cloudwatch-graphs-to-slack', '1'];
/**
 * Bounded retries with backoff for throttling, 5xx and broken connections (the SDK's standard
 * mode). Every attempt has the run's per-attempt limit (from input 'timeout'): a connection that
 * hangs is abandoned and retried, not waited on (without throwOnRequestTimeout the SDK's handler
 * would only log a warning). The callers pass the run's work signal with each command
 * (`send(command, { abortSignal })`), which ends the retries when the time to post has come.
 */
function settings(region, budget) {
    return {
        region,
        customUserAgent: [USER_AGENT],
        maxAttempts: 5,
        retryMode: 'standard',
        requestHandler: {
            connectionTimeout: Math.min(5000, budget.attemptMs),
            requestTimeout: budget.attemptMs,
            throwOnRequestTimeout: true,
            // Through the run's proxy, when it has one.
            ...proxyAgents()
        }
    };
}
function createCloudWatchClient(region, budget) {
    // More attempts than the others, and a pacer that spaces attempts to the quota once CloudWatch
    // throttles (measured: adaptive mode's own limiter falls to about one call a second after a
    // burst, and stays there).
    const client = new CloudWatchClient/* CloudWatchClient */.W({ ...settings(region, budget), maxAttempts: 8 });
    client.middlewareStack.use(pacerPlugin(new ThrottlePacer(CLOUDWATCH_QUOTA_PER_SECOND)));
    return client;
}
/** With no credentials, the SDK's default chain (the workflow's credentials) is used. */
function createS3Client(location, budget, credentials) {
    return new S3Client/* S3Client */.Y({
        ...settings(location.region, budget),
        forcePathStyle: location.forcePathStyle,
        // Checksums only where S3 requires them: the default adds a CRC32 trailer to uploads and
        // x-amz-checksum-mode to presigned URLs, which many S3-compatible stores do not understand.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...(credentials ? { credentials } : {})
    });
}
function createSsmClient(region, budget) {
    return new SSMClient/* SSMClient */.j(settings(region, budget));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsCommand.js
var DescribeAlarmsCommand = __webpack_require__(2188);
;// CONCATENATED MODULE: ./src/aws/alarms.ts
// CloudWatch alarms (DescribeAlarms): one query followed through its pages, each alarm read into
// the domain's terms. Accounts have thousands of alarms, so a page is as large as the API allows.



/** DescribeAlarms returns at most 100 alarms a page. */
const PAGE = 100;
/** Past this many pages the answer is wrong (a NextToken that never ends), not large. */
const MAX_PAGES = 1000;
/** Every alarm the query finds, metric and composite, over all its pages. */
async function describeAlarms(client, query, signal) {
    const alarms = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const input = {
            ...filterOf(query),
            // Without it, DescribeAlarms returns metric alarms only.
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            MaxRecords: PAGE,
            ...(nextToken ? { NextToken: nextToken } : {})
        };
        try {
            const response = await client.send(new DescribeAlarmsCommand/* DescribeAlarmsCommand */.z(input), { abortSignal: signal });
            alarms.push(...(response.MetricAlarms ?? []).flatMap(a => readAlarm(a, 'metric')));
            alarms.push(...(response.CompositeAlarms ?? []).flatMap(a => readAlarm(a, 'composite')));
            nextToken = response.NextToken;
        }
        catch (error) {
            throw describeFailure(error, query, signal);
        }
        if (!nextToken)
            return alarms;
    }
    throw new errors/* ActionError */.lZ(`DescribeAlarms (${describeQuery(query)}) still had more pages after ${MAX_PAGES}`);
}
function filterOf(query) {
    if (query.kind === 'firing')
        return { StateValue: 'ALARM' };
    if (query.kind === 'names')
        return { AlarmNames: query.names };
    return { AlarmNamePrefix: query.prefix };
}
function readAlarm(alarm, kind) {
    if (!alarm.AlarmName || !alarm.AlarmArn)
        return [];
    const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp;
    return [
        {
            name: alarm.AlarmName,
            arn: alarm.AlarmArn,
            kind,
            state: alarm.StateValue ?? 'UNKNOWN',
            ...(since ? { since } : {}),
            reason: alarm.StateReason ?? ''
        }
    ];
}
function describeQuery(query) {
    if (query.kind === 'firing')
        return 'the alarms in ALARM';
    if (query.kind === 'prefix')
        return `the alarms named '${query.prefix}*'`;
    const [first] = query.names;
    return query.names.length === 1 ? `alarm '${first}'` : `${query.names.length} alarms by name`;
}
function describeFailure(error, query, signal) {
    throwIfSetupProblem(error, 'aws-region');
    const code = awsErrorCode(error);
    const hint = code === 'AccessDenied' || code === 'AccessDeniedException'
        ? " The workflow's role needs cloudwatch:DescribeAlarms (add it to the role's policy; see the README's IAM section)."
        : '';
    return new errors/* ActionError */.lZ(`Reading ${describeQuery(query)} (DescribeAlarms) failed: ${awsErrorText(error, signal)}.${hint}`, { cause: error });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricWidgetImageCommand.js
var GetMetricWidgetImageCommand = __webpack_require__(5206);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetDashboardCommand.js
var GetDashboardCommand = __webpack_require__(5341);
;// CONCATENATED MODULE: ./src/aws/cloudwatch.ts
// CloudWatch: a graph as PNG (GetMetricWidgetImage) and a dashboard's body (GetDashboard).



/**
 * The graph as PNG bytes, exactly as CloudWatch rendered it. `signal` (the run's work deadline)
 * stops the call and its retries.
 */
async function fetchGraphImage(client, graph, signal) {
    let image;
    try {
        const response = await client.send(new GetMetricWidgetImageCommand/* GetMetricWidgetImageCommand */.l({ MetricWidget: graph.metricWidget, OutputFormat: 'png' }), { abortSignal: signal });
        image = response.MetricWidgetImage;
    }
    catch (error) {
        throwIfSetupProblem(error, 'aws-region');
        throw new errors/* ActionError */.lZ(`CloudWatch could not render graph ${graph.position} ('${graph.name}'): ${awsErrorText(error, signal)}`, { cause: error });
    }
    if (!image || image.length === 0) {
        throw new errors/* ActionError */.lZ(`CloudWatch returned no image for graph ${graph.position} ('${graph.name}')`);
    }
    return image;
}
/** A dashboard's body (JSON text), as saved. */
async function readDashboard(client, name, signal) {
    try {
        const response = await client.send(new GetDashboardCommand/* GetDashboardCommand */.K({ DashboardName: name }), {
            abortSignal: signal
        });
        return response.DashboardBody ?? '{}';
    }
    catch (error) {
        throwIfSetupProblem(error, 'aws-region');
        const code = awsErrorCode(error);
        const hint = code === 'ResourceNotFound' || code === 'DashboardNotFoundError'
            ? " No dashboard of that name in the account of the workflow's credentials: check the name (case matters) and the account. Dashboards are global, so aws-region does not matter."
            : code === 'AccessDenied' || code === 'AccessDeniedException'
                ? " The workflow's role needs cloudwatch:GetDashboard."
                : '';
        throw new errors/* ActionError */.lZ(`Reading dashboard '${name}' failed: ${awsErrorText(error, signal)}.${hint}`, {
            cause: error
        });
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/PutObjectCommand.js
var PutObjectCommand = __webpack_require__(5539);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-es/commands/GetObjectCommand.js
var GetObjectCommand = __webpack_require__(40);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/s3-request-presigner/dist-es/getSignedUrl.js + 2 modules
var getSignedUrl = __webpack_require__(9228);
;// CONCATENATED MODULE: ./src/aws/s3.ts
// S3: the PNGs go up with the workflow's credentials; their GET URLs are signed locally.





/** Stores the PNG; `signal` (the run's work deadline) stops the call and its retries. */
async function uploadPng(client, bucket, key, body, signal) {
    try {
        // A buffer, not a stream: the length is known, so no aws-chunked framing is needed.
        await client.send(new PutObjectCommand/* PutObjectCommand */.w({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' }), { abortSignal: signal });
    }
    catch (error) {
        throwIfSetupProblem(error, 's3-region');
        if (signal?.aborted) {
            throw new errors/* ActionError */.lZ(`Upload to s3://${bucket}/${key}: ${awsErrorText(error, signal)}`, {
                cause: error
            });
        }
        throw new errors/* ActionError */.lZ(`Upload to s3://${bucket}/${key} failed: ${awsErrorText(error)}. ${uploadHint(error)}`, { cause: error });
    }
}
/** What an upload failure means for the workflow's setup. */
function uploadHint(error) {
    switch (awsErrorCode(error)) {
        case 'AuthorizationHeaderMalformed':
        case 'PermanentRedirect':
        case 'IllegalLocationConstraintException':
            return "The bucket is in another region: set s3-region to the bucket's region.";
        case 'NoSuchBucket':
            return 'Check s3-bucket (and s3-region).';
        case 'ExpiredToken':
            return "The workflow's session has expired: configure-aws-credentials' role-duration-seconds may be too short.";
        default:
            return "The workflow's credentials need s3:PutObject on the key prefix.";
    }
}
/** A GET URL signed locally (no network) with the client's credentials. */
async function presignGetUrl(client, bucket, key, expiresInSeconds, signingDate) {
    return (0,getSignedUrl/* getSignedUrl */.A)(client, new GetObjectCommand/* GetObjectCommand */.j({ Bucket: bucket, Key: key }), {
        expiresIn: expiresInSeconds,
        signingDate
    });
}
/**
 * The workflow's own credentials, as the SDK's default chain resolves them for `client` (env, OIDC
 * web identity, profile…); the secret and the token are masked the moment they arrive.
 */
async function workflowCredentials(client) {
    try {
        const identity = await client.config.credentials();
        if (identity.sessionToken)
            core/* setSecret */.Pq(identity.sessionToken);
        core/* setSecret */.Pq(identity.secretAccessKey);
        return identity;
    }
    catch (error) {
        throwIfSetupProblem(error, 's3-region');
        throw new errors/* SetupError */.w3(`The workflow's AWS credentials could not be loaded: ${(0,errors/* describeError */.Uc)(error)}. Check the aws-actions/configure-aws-credentials step before this one.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/aws/url-check.ts
// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.




/** Attempts of one check: S3 answers a burst with 503 SlowDown, and a connection can break. */
const ATTEMPTS = 4;
/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link. Transient failures are retried, like every other S3 call.
 */
async function checkUrl(url, options) {
    const get = fetchWithin(options.attemptMs, options.signal);
    const pause = options.sleep ?? concurrency/* sleep */.yy;
    for (let attempt = 1;; attempt++) {
        const answer = await checkOnce(url, get, options);
        if (!answer.problem)
            return undefined;
        if (!answer.transient || attempt === ATTEMPTS || options.signal?.aborted) {
            return attempt === 1 ? answer.problem : `${answer.problem} (tried ${attempt} times)`;
        }
        await pause(200 * 2 ** (attempt - 1));
    }
}
/** One GET of the first byte, as Slack's fetch would see the object. */
async function checkOnce(url, get, options) {
    let status;
    let contentType;
    let body;
    try {
        const response = await get(url, { headers: { Range: 'bytes=0-0' } });
        status = response.status;
        contentType = response.headers.get('content-type') ?? '';
        body = await response.text();
    }
    catch (error) {
        const why = options.signal?.aborted
            ? (0,errors/* describeError */.Uc)(options.signal.reason)
            : http_isTimeout(error)
                ? `no answer within ${options.attemptMs / 1000} s`
                : (0,errors/* describeError */.Uc)(error);
        // A refusing proxy refuses the next attempt too: not retried.
        return { problem: `the request failed (${why})`, transient: !(0,network_errors/* findProxyError */.cL)(error) };
    }
    if (status === 200 || status === 206) {
        return contentType.startsWith('image/')
            ? { transient: false }
            : { problem: `S3 serves it as '${contentType}', not as an image`, transient: false };
    }
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
    const problem = `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd();
    return { problem, transient: status >= 500 || status === 429 };
}
const REGION_HINT = "The URL was signed for another region than the bucket's: set s3-region to the bucket's region.";
const MISSING_HINT = 'The object is not there: check s3-bucket and s3-region.';
const EXPIRED_HINT = 'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.';
/** What each S3 answer means for a presigned GET, and what to change. */
const HINTS = {
    SignatureDoesNotMatch: 'The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).',
    InvalidAccessKeyId: 'S3 does not know the signing access key id: check presign-access-key-id (or its SSM parameter), and that the key is active.',
    AccessDenied: 'The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).',
    ExpiredToken: EXPIRED_HINT,
    TokenRefreshRequired: EXPIRED_HINT,
    AuthorizationHeaderMalformed: REGION_HINT,
    AuthorizationQueryParametersError: REGION_HINT,
    PermanentRedirect: REGION_HINT,
    IllegalLocationConstraintException: REGION_HINT,
    NoSuchBucket: MISSING_HINT,
    NoSuchKey: MISSING_HINT
};
function hintFor(code) {
    return Object.hasOwn(HINTS, code) ? HINTS[code] : '';
}

// EXTERNAL MODULE: ./src/domain/naming.ts
var naming = __webpack_require__(4114);
// EXTERNAL MODULE: ./src/domain/report.ts
var domain_report = __webpack_require__(8396);
// EXTERNAL MODULE: ./src/domain/text.ts
var domain_text = __webpack_require__(3373);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/github/context.ts
// Facts about this run that several phases need. They are the values @actions/github's `context`
// gives (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_REPOSITORY), read the same
// way but without loading Octokit, which the action never calls.

function readRunInfo(env = process.env) {
    const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10);
    const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    // GitHub Enterprise Server runs on its own host: the link points there.
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    const attempt = runAttempt > 0 ? `/attempts/${runAttempt}` : '';
    return {
        runId,
        runAttempt,
        runUrl: repository && runId > 0
            ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}`
            : undefined
    };
}
/** This step's identity in Slack's message metadata: the run, its attempt, and an id of its own. */
function reportRun(info = readRunInfo()) {
    return {
        runId: info.runId > 0 ? String(info.runId) : '',
        runAttempt: info.runAttempt > 0 ? String(info.runAttempt) : '',
        report: (0,external_node_crypto_.randomUUID)()
    };
}

// EXTERNAL MODULE: ./src/domain/alarms.ts
var alarms = __webpack_require__(4280);
;// CONCATENATED MODULE: ./src/domain/alarm-message.ts
// The message's "Alarms" part, built without I/O: a heading, then each alarm's line (name, state,
// for how long, why) right above its graph; composite alarms, and metric alarms whose graph
// failed, as their line alone; with `alarms: firing` and none firing, one line that says so.


/** Slack refuses a section's text beyond this. */
const SECTION_TEXT = 3000;
function textBlock(text) {
    return { type: 'section', text: { type: 'mrkdwn', text: (0,domain_text/* truncate */.xv)(text, SECTION_TEXT) } };
}
function headingBlock() {
    return { type: 'header', text: { type: 'plain_text', text: alarms/* ALARMS_HEADING */.iT, emoji: true } };
}
/** The alarm's line, as a section block. */
function alarmBlock(alarm, part) {
    return textBlock((0,alarms/* alarmText */.bl)(alarm, part.readAt));
}
/**
 * The alarms part as units: the blocks of a unit stay in one message (an alarm's line and its
 * graph; the heading with the first alarm). `image` makes a graph's block.
 */
function alarmUnits(part, graphs, image) {
    if (!part)
        return [];
    const byArn = new Map(graphs.flatMap(graph => (graph.alarm ? [[graph.alarm.arn, graph]] : [])));
    const units = part.alarms.map(alarm => {
        const graph = byArn.get(alarm.arn);
        return graph ? [alarmBlock(alarm, part), image(graph)] : [alarmBlock(alarm, part)];
    });
    if (part.firing && part.alarms.length === 0)
        units.push([textBlock(alarms/* NONE_FIRING */.lP)]);
    const [first, ...rest] = units;
    return first ? [[headingBlock(), ...first], ...rest] : [];
}
/**
 * The alarms part as text only, for a message without the graphs (the header of a thread or of
 * uploaded files): the alarms whose graphs are not in `elsewhere`, at most `room` blocks.
 */
function alarmTextBlocks(part, elsewhere, room) {
    if (!part)
        return [];
    const shown = new Set(elsewhere.flatMap(graph => (graph.alarm ? [graph.alarm.arn] : [])));
    const lines = part.alarms
        .filter(alarm => !shown.has(alarm.arn))
        .map(alarm => (0,alarms/* alarmText */.bl)(alarm, part.readAt));
    if (part.firing && part.alarms.length === 0)
        lines.push(alarms/* NONE_FIRING */.lP);
    if (lines.length === 0)
        return [];
    return [headingBlock(), ...packLines(lines, room - 1).map(textBlock)];
}
/** Lines joined into at most `room` texts of a section's length; what does not fit is counted. */
function packLines(lines, room) {
    const texts = [];
    for (const [index, line] of lines.entries()) {
        const last = texts.at(-1);
        if (last !== undefined && last.length + 2 + line.length <= SECTION_TEXT) {
            texts[texts.length - 1] = `${last}\n\n${line}`;
        }
        else if (texts.length < Math.max(1, room)) {
            texts.push(line);
        }
        else {
            const note = `\n\n_…and ${(0,domain_text/* plural */.LS)(lines.length - index, 'more alarm')} not shown_`;
            texts[texts.length - 1] = (0,domain_text/* truncate */.xv)(last ?? '', SECTION_TEXT - note.length) + note;
            break;
        }
    }
    return texts;
}

// EXTERNAL MODULE: ./src/domain/time-window.ts
var time_window = __webpack_require__(8716);
;// CONCATENATED MODULE: ./src/domain/message.ts
// The Slack messages, built without I/O: a section with the text, one image block per graph, and
// a context line with the real expiry and a link to the run. Slack takes 50 blocks per message.



/** What Slack refuses beyond: a message's blocks, an image block's URL, a block's texts. */
const LIMITS = { blocks: 50, imageUrl: 3000, altText: 2000, title: 2000, sectionText: 3000 };
/** One or more messages; each repeats the text (marked as continued) and ends with the context line. */
function buildMessages(options) {
    const units = [
        ...options.graphs.filter(graph => !(options.alarms && graph.alarm)).map(g => [graphBlock(g)]),
        ...alarmUnits(options.alarms, options.graphs, graphBlock)
    ];
    const chunks = inChunks(units, LIMITS.blocks - 2); // the section and the context line
    const context = contextBlock(options);
    return chunks.map((chunk, index) => {
        const text = chunks.length === 1 ? options.text : `${options.text} (${index + 1}/${chunks.length})`;
        return {
            text,
            blocks: [sectionBlock(text), ...chunk, context]
        };
    });
}
/** The units' blocks in chunks of at most `room`, a unit never split; one chunk when none. */
function inChunks(units, room) {
    const chunks = [[]];
    for (const unit of units) {
        const last = chunks[chunks.length - 1];
        if (last.length > 0 && last.length + unit.length > room)
            chunks.push([...unit]);
        else
            last.push(...unit);
    }
    return chunks;
}
/** slack-thread: images: a header message, then each graph as a reply in its thread. */
function buildThread(options) {
    const { alarms } = options;
    return {
        header: buildHeader(options),
        // An alarm's reply carries its line above its graph.
        replies: options.graphs.map(graph => ({
            text: graph.name,
            blocks: alarms && graph.alarm
                ? [alarmBlock(graph.alarm, alarms), graphBlock(graph)]
                : [graphBlock(graph)]
        }))
    };
}
/**
 * The text and the context line: the parent of a thread, or the words above uploaded files. With
 * alarms, their lines between the two, but for those whose graphs are in `graphs` (the replies).
 */
function buildHeader(options) {
    return {
        text: options.text,
        blocks: [
            sectionBlock(options.text),
            ...alarmTextBlocks(options.alarms, options.graphs ?? [], LIMITS.blocks - 2),
            contextBlock(options)
        ]
    };
}
function sectionBlock(text) {
    return { type: 'section', text: { type: 'mrkdwn', text: (0,domain_text/* truncate */.xv)(text, LIMITS.sectionText) } };
}
/** An image block, or a link when the URL is over Slack's image_url limit (long session tokens). */
function graphBlock(graph) {
    if (graph.url.length > LIMITS.imageUrl)
        return linkBlock(graph.name, graph.url);
    return {
        type: 'image',
        image_url: graph.url,
        alt_text: (0,domain_text/* truncate */.xv)(graph.name, LIMITS.altText),
        title: { type: 'plain_text', text: (0,domain_text/* truncate */.xv)(graph.name, LIMITS.title), emoji: true }
    };
}
/** A link that Slack need not download: for URLs it cannot take as images. */
function linkBlock(name, url) {
    return {
        type: 'rich_text',
        elements: [
            {
                type: 'rich_text_section',
                elements: [{ type: 'link', url, text: (0,domain_text/* truncate */.xv)(name, LIMITS.title) }]
            }
        ]
    };
}
/**
 * The same message with every image as a link. Slack rejects a whole message when it cannot
 * download one image (invalid_blocks), even a valid one; links still reach the channel.
 */
function imagesAsLinks(message) {
    return {
        text: message.text,
        blocks: message.blocks.map(block => block.type === 'image' ? linkBlock(String(block.alt_text), String(block.image_url)) : block)
    };
}
/** The window, the images' lifetime, the graphs that failed, and a link to the run. */
function contextBlock(options) {
    const { expiry, runUrl, missing = [], window } = options;
    const parts = [expiryText(expiry)];
    if (window)
        parts.unshift((0,domain_text/* escapeMrkdwn */.fO)(window));
    if (missing.length > 0) {
        const names = (0,domain_text/* escapeMrkdwn */.fO)((0,domain_text/* truncate */.xv)(missing.join(', '), 500));
        parts.push(`${(0,domain_text/* plural */.LS)(missing.length, 'graph')} failed: ${names}`);
    }
    if (runUrl)
        parts.push(`<${runUrl}|Workflow run>`);
    return {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: (0,domain_text/* truncate */.xv)(parts.join(' · '), LIMITS.sectionText) }]
    };
}
/** Slack's date formatting shows each reader their local time; the fallback is UTC. */
function expiryText(expiry) {
    if (expiry === 'slack')
        return 'Images hosted by Slack.';
    if (!expiry.effective) {
        return 'Images last only as long as the signing session (temporary credentials, often 1 hour).';
    }
    const seconds = Math.floor(expiry.effective.getTime() / 1000);
    const fallback = expiry.effective.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    return `Images available until <!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}
/**
 * The default text: names the day, so a channel full of reports stays readable; the day in the
 * report's time zone when it has one (`+0900`), so a morning report in Tokyo names that morning.
 */
function defaultText(now, timezone) {
    const local = new Date(now.getTime() + (0,time_window/* offsetMinutes */.rg)(timezone) * 60_000);
    return `CloudWatch graphs for ${local.toISOString().slice(0, 10)}`;
}

// EXTERNAL MODULE: ./node_modules/@slack/web-api/dist/index.js
var dist = __webpack_require__(5105);
// EXTERNAL MODULE: ./src/domain/durations.ts
var durations = __webpack_require__(7301);
;// CONCATENATED MODULE: ./src/slack/errors.ts
// Slack's errors: what @slack/web-api throws, read one way, and each refusal mapped to its fix.




function slackErrorData(error) {
    return error?.data;
}
const errors_HINTS = {
    not_in_channel: 'invite the Slack app to the channel (/invite @your-app)',
    channel_not_found: 'check slack-channel (use the channel id, e.g. C0123ABCDEF) and that the app can see the channel',
    invalid_auth: 'slack-token is not valid: use the bot token (xoxb-…) of an installed app',
    not_authed: 'slack-token is missing or empty',
    account_inactive: 'the token belongs to a deleted user or an uninstalled app: reinstall the app',
    token_revoked: 'the token was revoked: reinstall the app and update the secret',
    missing_scope: 'the app lacks a scope: chat:write to post (files:write too with delivery: slack-upload); add it and reinstall the app',
    ratelimited: 'Slack rate-limited the app: post less often',
    invalid_blocks: 'Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL',
    is_archived: 'the channel is archived: unarchive it, or post to a channel that is not'
};
/**
 * Refusals about the app or its token, not a channel: every other channel would meet them too, so
 * the run stops at the first instead of trying each channel in turn.
 */
const APP_WIDE = [
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'missing_scope'
];
/** Whether Slack's refusal, however deep in the error's causes, is about the app, not a channel. */
function isAppWideRefusal(error) {
    for (let at = error, depth = 0; at && depth < 6; depth++) {
        const code = slackErrorData(at)?.error;
        if (code && APP_WIDE.includes(code))
            return true;
        at = at.cause;
    }
    return false;
}
/** Slack's details of a refusal, from `errors` and `response_metadata.messages`, each once. */
function slackDetails(data) {
    const texts = [...(data?.errors ?? []), ...(data?.response_metadata?.messages ?? [])]
        .map(detail => (typeof detail === 'string' ? detail : JSON.stringify(detail)))
        .map(detail => detail.replace(/^\[(ERROR|WARN)\]\s*/, ''));
    return [...new Set(texts)];
}
/**
 * `code (Slack's details): what to do`, from an error of @slack/web-api; for a request that got
 * no answer from Slack, what happened to it.
 */
function slackErrorText(error) {
    const data = slackErrorData(error);
    const code = data?.error;
    if (!code)
        return requestErrorText(error);
    const details = slackDetails(data).join('; ');
    const hint = Object.hasOwn(errors_HINTS, code) ? errors_HINTS[code] : undefined;
    return `${code}${details ? ` (${details})` : ''}${hint ? `: ${hint}` : ''}`;
}
/** A request Slack did not answer: no connection, no answer in time, or an HTTP error. */
function requestErrorText(error) {
    const { code, statusCode, original } = (error ?? {});
    if (code === dist.ErrorCode.HTTPError)
        return `HTTP ${String(statusCode)} from Slack's address`;
    if (code !== dist.ErrorCode.RequestError)
        return (0,errors/* describeError */.Uc)(error);
    if (http_isTimeout(original)) {
        return "no answer from Slack in time (each attempt is limited by input 'timeout')";
    }
    return `the request to Slack failed (${(0,errors/* describeError */.Uc)(original)})`;
}
/** Slack's own words for "it may or may not have happened", and for "it did not happen, retry". */
const MAYBE_DONE = ['fatal_error', 'internal_error'];
const NOT_DONE = ['service_unavailable', 'request_timeout'];
/** Node and undici codes of a request that never left: no connection was made. */
const NO_CONNECTION = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;
function classifySlackFailure(error) {
    // A proxy that refused the tunnel: the request never left, and no retry gets past it; the run
    // ends with the proxy's own words.
    if ((0,network_errors/* findProxyError */.cL)(error))
        return 'refused';
    const code = error?.code;
    switch (code) {
        case dist.ErrorCode.RateLimitedError:
            return 'rate-limited';
        case dist.ErrorCode.PlatformError: {
            const slackCode = slackErrorData(error)?.error ?? '';
            if (MAYBE_DONE.includes(slackCode))
                return 'lost';
            return NOT_DONE.includes(slackCode) ? 'not-sent' : 'refused';
        }
        case dist.ErrorCode.HTTPError: {
            const status = error.statusCode ?? 0;
            return status >= 500 || status === 408 ? 'lost' : 'refused';
        }
        case dist.ErrorCode.RequestError:
            return causeCodes(error).some(c => NO_CONNECTION.test(c)) ? 'not-sent' : 'lost';
        default:
            return 'refused';
    }
}
/** Every `code` along the error's cause chain (undici nests them: fetch failed → connect error). */
function causeCodes(error) {
    const codes = [];
    for (let at = error, depth = 0; at && depth < 6; depth++) {
        const { code, cause, original } = at;
        if (typeof code === 'string')
            codes.push(code);
        at = original ?? cause;
    }
    return codes;
}

;// CONCATENATED MODULE: ./src/slack/client.ts
// The Slack client: one place for its retries, timeouts and HTTP. @slack/web-api's own retries are
// off: they would repeat a post whose answer was lost, and sleep out any Retry-After however long.
// Here a call that may safely repeat is retried on anything transient; a call that posts is
// retried only while it surely never reached Slack; and no wait outlasts the run's `timeout`.









/** Slack allows about one message per second per channel. */
const MESSAGE_INTERVAL_MS = 1000;
/** Attempts of one call, when it fails in a way worth another try (rate limits aside). */
const client_ATTEMPTS = 4;
/** Rate limits waited out in one call, each as long as Slack's Retry-After says. */
const RATE_LIMIT_WAITS = 5;

/** The time of a run with the default timeout (10 minutes), for callers without a deadline. */
const TEN_MINUTES = { attemptMs: 30000, remainingMs: () => 600000 };
/** A post that may have reached Slack, whose answer did not come back. */
class AnswerLost extends Error {
    constructor(cause) {
        super(`Slack's answer was lost (${describeCause(cause)})`, { cause });
        this.name = 'AnswerLost';
    }
}
class SlackClient {
    time;
    sleep;
    web;
    /** The HTTP of every Slack request (the Web API and the upload URLs), with the attempt limit. */
    fetch;
    constructor(token, apiUrl, time = TEN_MINUTES, sleep = sleep) {
        this.time = time;
        this.sleep = sleep;
        this.fetch = fetchWithin(time.attemptMs);
        this.web = new dist.WebClient(token, {
            slackApiUrl: apiUrl,
            retryConfig: { retries: 0 },
            rejectRateLimitedCalls: true,
            logger: actionsLogger(),
            headers: { 'User-Agent': 'cloudwatch-graphs-to-slack/1' },
            fetch: this.fetch
        });
    }
    /** A call that may safely be repeated (it reads, or asks for an upload URL). */
    call(request) {
        return this.attempts(request, true);
    }
    /**
     * A call that posts. Retried while it surely never reached Slack (no connection, a 429); when it
     * may have (its answer was lost), it rejects with AnswerLost and the caller finds out.
     */
    post(request) {
        return this.attempts(request, false);
    }
    async attempts(request, mayRepeat) {
        let rateLimits = 0;
        for (let attempt = 1;;) {
            try {
                return await request();
            }
            catch (error) {
                const kind = classifySlackFailure(error);
                if (kind === 'refused')
                    throw error;
                if (kind === 'rate-limited' && rateLimits < RATE_LIMIT_WAITS) {
                    rateLimits += 1;
                    await this.waitOutRateLimit(error);
                    continue;
                }
                if (kind === 'lost' && !mayRepeat)
                    throw new AnswerLost(error);
                const wait = 1000 * 2 ** (attempt - 1);
                if (attempt >= client_ATTEMPTS || !this.allows(wait))
                    throw error;
                attempt += 1;
                await this.sleep(wait);
            }
        }
    }
    /** Waits as long as Slack asks, unless that outlasts the run: then fails at once, saying so. */
    async waitOutRateLimit(error) {
        const seconds = Math.max(1, Number(error.retryAfter) || 1);
        if (!this.allows(seconds * 1000)) {
            throw new errors/* ActionError */.lZ(`Slack rate-limited the app for ${seconds} seconds (Retry-After), longer than the ${(0,durations/* formatSeconds */.Xo)(this.time.remainingMs() / 1000)} left of input 'timeout': not waiting. Slack counts every call of the app to a method: post less often (or from fewer workflows at once), or raise timeout.`, { cause: error });
        }
        core/* info */.pq((0,domain_text/* logLine */.BP)(`Slack rate-limited the app: waiting ${seconds} s (Retry-After)`));
        await this.sleep(seconds * 1000);
    }
    /** Whether one more attempt after `waitMs` still ends before the run does. */
    allows(waitMs) {
        return waitMs + this.time.attemptMs <= this.time.remainingMs();
    }
}
function createSlackClient(token, apiUrl, time = TEN_MINUTES, pause = concurrency/* sleep */.yy) {
    return new SlackClient(token, apiUrl, time, pause);
}
function describeCause(cause) {
    const status = cause.statusCode;
    if (typeof status === 'number')
        return `HTTP ${status}`;
    const error = cause.original ?? cause;
    if (http_isTimeout(error))
        return 'no answer in time';
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** Routes the client's log lines to the Actions log (debug unless they matter). */
function actionsLogger() {
    const text = (parts) => parts.map(part => String(part)).join(' ');
    return {
        // Request bodies and results hold the presigned URLs (bearer links): never in the log.
        debug: (...parts) => {
            const line = text(parts);
            if (!/^http request (body|result)/.test(line))
                core/* debug */.Yz(line);
        },
        info: (...parts) => core/* info */.pq((0,domain_text/* logLine */.BP)(text(parts))),
        warn: (...parts) => core/* info */.pq((0,domain_text/* logLine */.BP)(text(parts))),
        error: (...parts) => core/* info */.pq((0,domain_text/* logLine */.BP)(text(parts))),
        setLevel: () => undefined,
        getLevel: () => dist.LogLevel.INFO,
        setName: () => undefined
    };
}

;// CONCATENATED MODULE: ./src/domain/metadata.ts
// What identifies a report's message in Slack. chat.postMessage has no idempotency key, so each
// post carries message metadata (the run, its attempt, this step's report id, the message's
// number); when Slack's answer to a post is lost, the channel's history (include_all_metadata)
// tells whether the message is there before anything is posted again.
const REPORT_EVENT_TYPE = 'cloudwatch_graphs_report';
/** The metadata of the report's `message`-th message (1-based, in the order posted). */
function reportMetadata(run, message) {
    return {
        event_type: REPORT_EVENT_TYPE,
        event_payload: {
            run_id: run.runId,
            run_attempt: run.runAttempt,
            report: run.report,
            message
        }
    };
}
/** Whether metadata read back from Slack is this one (values compared as text, as Slack may). */
function isSameMessage(candidate, expected) {
    if (typeof candidate !== 'object' || candidate === null)
        return false;
    const { event_type: type, event_payload: payload } = candidate;
    if (type !== expected.event_type || typeof payload !== 'object' || payload === null)
        return false;
    const given = payload;
    return Object.entries(expected.event_payload).every(([key, value]) => String(given[key]) === String(value));
}
/** `run 987654321, attempt 1`: how a person finds the report in the channel. */
function describeRun(run) {
    return run.runId ? `run ${run.runId}, attempt ${run.runAttempt || '1'}` : 'this run';
}

;// CONCATENATED MODULE: ./src/slack/lookup.ts
// A post whose answer was lost is never repeated blindly. Slack may have stored it and only the
// answer went astray (a timeout after sending, a reset, a 5xx from a proxy), so the channel's
// history is read first: found, it counts as posted; not there, it is sent again; and when the app
// may not read the channel, it is not sent again, and the error says that it may be there.





/** Lost answers tolerated for one post before giving up (each time, the message was not there). */
const LOST_ANSWERS = 3;
/** Looks back this far from the first attempt (clocks differ a little). */
const WINDOW_SECONDS = 120;
/** Slack may show a message in the history a moment after storing it. */
const SETTLE_MS = 1000;
/** The post's doubt, said: it may be in the channel, once; it was not sent again. */
class UncertainPost extends errors/* ActionError */.lZ {
    constructor(message, cause) {
        super(message, { cause });
        this.name = 'UncertainPost';
    }
}
/**
 * Sends `send` (a call that posts), and when its answer is lost, finds out before sending again.
 * Resolves to what was posted (from the answer, or from the history), or rejects.
 */
async function postOnce(client, send, lookup) {
    const oldest = (Date.now() / 1000 - WINDOW_SECONDS).toFixed(6);
    for (let lost = 1;; lost++) {
        try {
            return await client.post(send);
        }
        catch (error) {
            if (!(error instanceof AnswerLost))
                throw error;
            await client.sleep(SETTLE_MS);
            const found = await look(client, lookup, oldest, error);
            if (found !== undefined) {
                core/* info */.pq((0,domain_text/* logLine */.BP)(`${error.message}, but Slack has ${lookup.what}: not sent again`));
                return found;
            }
            if (lost >= LOST_ANSWERS) {
                throw new errors/* ActionError */.lZ(`Slack's answer was lost ${lost} times and it never ${lookup.what} (the channel does not have it): giving up`, { cause: error });
            }
            core/* info */.pq((0,domain_text/* logLine */.BP)(`${error.message}, and the channel does not have it: sending it again`));
        }
    }
}
async function look(client, lookup, oldest, lost) {
    const window = { oldest, inclusive: true, include_all_metadata: true, limit: 200 };
    let messages;
    try {
        const answer = await client.call(() => lookup.threadTs
            ? client.web.conversations.replies({
                channel: lookup.channel,
                ts: lookup.threadTs,
                ...window
            })
            : client.web.conversations.history({ channel: lookup.channel, ...window }));
        messages = (answer.messages ?? []);
    }
    catch (error) {
        throw new UncertainPost(`Slack may or may not have ${lookup.what}: ${lost.message}, and the app cannot read the channel to find out (${whyUnreadable(error)}). It was not sent again, so it is there at most once: look for ${lookup.identifies} before re-running.`, error);
    }
    return lookup.find(messages);
}
/** Why the history could not be read, and what lets the action read it next time. */
function whyUnreadable(error) {
    const data = slackErrorData(error);
    switch (data?.error) {
        case 'missing_scope':
            return `missing_scope: the app needs ${data.needed ?? 'channels:history'} (groups:history for a private channel) to look; add it and reinstall the app`;
        case 'not_in_channel':
            return 'not_in_channel: the app posts there without being a member (chat:write.public) but may not read it; invite it (/invite @your-app)';
        case 'channel_not_found':
            return 'channel_not_found: give slack-channel as the channel id (C0123ABCDEF); the history takes no names';
        default:
            return slackErrorText(error);
    }
}

;// CONCATENATED MODULE: ./src/slack/posting.ts
// Messages to a channel: in order, paced where Slack asks for it, each carrying metadata that
// identifies it (so a post whose answer was lost is looked for, not repeated blindly), with images
// as links when Slack cannot download them, and what was posted reported when a later message is
// refused.









/**
 * Posts the messages in order; returns where each one landed. A message whose images Slack could
 * not download is posted again with links instead, once, with a warning.
 */
async function postMessages(client, channel, messages, options = {}) {
    const run = options.run ?? { runId: '', runAttempt: '', report: (0,external_node_crypto_.randomUUID)() };
    const results = [];
    for (const [index, message] of messages.entries()) {
        if (index > 0 && options.paceMs)
            await (options.sleep ?? client.sleep)(options.paceMs);
        const number = (options.firstNumber ?? 1) + index;
        const target = {
            // Once Slack has answered, its channel id: the history, if it must be read, needs the id.
            channel: results[0]?.channel ?? channel,
            threadTs: options.threadTs,
            metadata: reportMetadata(run, number),
            where: `message ${index + 1} of ${messages.length} to '${channel}'`,
            identifies: `the report of ${describeRun(run)} ('${(0,domain_text/* truncate */.xv)(message.text, 80)}')`,
            urlsChecked: options.urlsChecked ?? false
        };
        try {
            results.push(await postWithFallback(client, target, message));
        }
        catch (error) {
            if (results.length === 0)
                throw error;
            const first = results[0];
            throw new errors/* PostError */.dJ(`${(0,errors/* describeError */.Uc)(error)} (${results.length} of ${messages.length} messages were posted before it, the first at ts ${first.ts}: a re-run would post them again)`, results, { cause: error });
        }
    }
    return results;
}
/** slack-thread: images: the header, then each graph as a reply in its thread, paced. */
async function postThread(client, channel, thread, options = {}) {
    const run = options.run ?? { runId: '', runAttempt: '', report: (0,external_node_crypto_.randomUUID)() };
    const [header] = await postMessages(client, channel, [thread.header], {
        run,
        urlsChecked: options.urlsChecked
    });
    if (!header)
        return [];
    if (thread.replies.length > 0 && options.paceMs)
        await (options.sleep ?? client.sleep)(options.paceMs);
    try {
        const replies = await postMessages(client, header.channel, thread.replies, {
            ...options,
            run,
            firstNumber: 2,
            threadTs: header.ts
        });
        return [header, ...replies];
    }
    catch (error) {
        const replies = error instanceof errors/* PostError */.dJ ? error.posted : [];
        throw new errors/* PostError */.dJ(`${(0,errors/* describeError */.Uc)(error)} (the thread's header, ts ${header.ts}, and ${replies.length} of ${thread.replies.length} replies were posted)`, [header, ...replies], { cause: error });
    }
}
async function postWithFallback(client, target, message) {
    try {
        return await post(client, target, message);
    }
    catch (error) {
        // Already said in full: a post that may be there, a rate limit that outlasts the run.
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        if (!isImageDownloadFailure(error, message)) {
            const refused = slackErrorData(error)?.error ? 'Slack refused' : 'Could not post';
            throw new errors/* ActionError */.lZ(`${refused} ${target.where}: ${slackErrorText(error)}`, {
                cause: error
            });
        }
        core/* warning */.$e(`Slack could not download the images of ${target.where} (${slackErrorText(error)}); posted them as links instead. ${linksAdvice(target.urlsChecked)}`, { title: 'Graphs posted as links' });
        try {
            return await post(client, target, imagesAsLinks(message));
        }
        catch (retryError) {
            if (retryError instanceof errors/* ActionError */.lZ)
                throw retryError;
            throw new errors/* ActionError */.lZ(`Slack refused ${target.where}, also as links: ${slackErrorText(retryError)}`, { cause: retryError });
        }
    }
}
/** What the links are worth: only a delivery that checked the URLs says they were checked. */
function linksAdvice(urlsChecked) {
    return urlsChecked
        ? "The URLs were checked before posting, so Slack's download may have failed on its side; open a link to see the graph."
        : 'The URLs were not checked before posting (verify-urls: false); open a link to see whether it serves the graph.';
}
/** One message, sent once: when Slack's answer is lost, the channel is read before resending. */
async function post(client, target, message) {
    const { channel, threadTs, metadata } = target;
    const send = async () => {
        const response = await client.web.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata,
            ...(threadTs ? { thread_ts: threadTs } : {})
        });
        return { channel: response.channel ?? channel, ts: response.ts ?? '' };
    };
    return postOnce(client, send, {
        channel,
        threadTs,
        find: messages => {
            const found = messages.find(candidate => isSameMessage(candidate.metadata, metadata));
            return found?.ts ? { channel, ts: found.ts } : undefined;
        },
        what: `posted ${target.where}`,
        identifies: target.identifies
    });
}
/**
 * Slack's invalid_blocks for an image it could not fetch (the rest of the message was fine). The
 * detail comes in `errors`, in `response_metadata.messages`, in both, or not at all: a refusal of
 * a message with images and no detail is taken as one too, so nothing is lost to a terse answer.
 */
function isImageDownloadFailure(error, message) {
    const data = slackErrorData(error);
    if (data?.error !== 'invalid_blocks')
        return false;
    const details = slackDetails(data);
    if (details.some(text => /downloading image failed/i.test(text)))
        return true;
    return details.length === 0 && message.blocks.some(block => block.type === 'image');
}

;// CONCATENATED MODULE: ./src/delivery/channels.ts
// The same report to every channel of slack-channel, one channel after the other (Slack's pace is
// per channel). A channel that refuses (not_in_channel, archived) does not stop the others: the
// run fails at the end, naming it, after posting everywhere else. What no channel can get past
// (the token, a missing scope, the proxy) ends the run at once.





/**
 * Delivers to each channel in turn. Rejects only when no channel got anything (with the one
 * channel's own error when there is one channel) or when the cause would stop every channel.
 */
async function toEveryChannel(channels, deliver) {
    const posts = [];
    const values = [];
    const failures = [];
    for (const [index, channel] of channels.entries()) {
        try {
            const delivered = await deliver(channel);
            posts.push(...delivered.posts);
            if (delivered.value !== undefined)
                values.push(delivered.value);
            if (delivered.failure)
                failures.push({ channel, text: delivered.failure });
            logPosted(channel, delivered.posts);
        }
        catch (error) {
            // Some messages may be in this channel already: they count as posted.
            if (error instanceof errors/* PostError */.dJ)
                posts.push(...error.posted);
            failures.push({ channel, text: (0,errors/* describeError */.Uc)(error), error });
            if (stopsEveryChannel(error)) {
                if (posts.length === 0)
                    throw error;
                const left = channels.slice(index + 1);
                failures.push(...left.map(rest => ({ channel: rest, text: `not posted: ${stopped(channel)}` })));
                break;
            }
            if (channels.length > 1) {
                core/* warning */.$e(`Not all of the report reached '${channel}': ${(0,errors/* describeError */.Uc)(error)}`);
            }
        }
    }
    if (failures.length === 0)
        return { posts, values };
    if (posts.length === 0) {
        const [only] = failures;
        if (channels.length === 1 && only?.error !== undefined)
            throw only.error;
        throw new errors/* ActionError */.lZ(`Nothing was posted: ${channels.length === 1 ? 'the channel' : `each of the ${channels.length} channels`} refused the report:\n${listFailures(failures)}`);
    }
    if (channels.length === 1)
        return { posts, values, failure: failures[0]?.text };
    const reached = channels.length - failures.length;
    return {
        posts,
        values,
        failure: `The report did not fully reach ${failures.length} of ${channels.length} channels (${reached} got all of it):\n${listFailures(failures)}`
    };
}
function stopsEveryChannel(error) {
    return (error instanceof errors/* SetupError */.w3 || (0,network_errors/* findProxyError */.cL)(error) !== undefined || isAppWideRefusal(error));
}
function stopped(channel) {
    return `the run stopped at '${channel}', whose cause every channel would meet`;
}
function listFailures(failures) {
    return failures.map(({ channel, text }) => `- '${channel}': ${text}`).join('\n');
}
function logPosted(channel, posts) {
    const [first] = posts;
    if (!first)
        return;
    const id = first.channel === channel ? '' : ` (${first.channel})`;
    core/* info */.pq((0,domain_text/* logLine */.BP)(`Posted ${posts.length} message(s) to ${channel}${id} (ts ${first.ts})`));
}

;// CONCATENATED MODULE: ./src/delivery/post.ts
// The report's message(s) to Slack, as the workflow asked: one message (continued when it has more
// graphs than a message takes), or a header with each graph as a reply in its thread; the same
// report to every channel of slack-channel.








async function postReport(inputs, phases, deadline, message, 
/** Whether the delivery checked the images' URLs (verify-urls): never claimed when it did not. */
urlsChecked = false) {
    phases.enter('posting to Slack');
    const slack = inputs.slack;
    if (inputs.dryRun || !slack) {
        core/* info */.pq((0,domain_text/* logLine */.BP)('Dry run: nothing posted to Slack'));
        return { posts: [] };
    }
    const client = createSlackClient(slack.token, slack.apiUrl, deadline);
    const { window } = inputs;
    const options = {
        ...message,
        text: slack.text ?? defaultText(new Date(), window.timezone),
        window: (0,time_window/* describeWindow */.vF)(window)
    };
    const run = reportRun(); // what identifies the report's messages, should an answer be lost
    // Built once: every channel gets the same report.
    const threaded = slack.thread === 'images';
    const thread = threaded ? buildThread(options) : undefined;
    const messages = threaded ? [] : buildMessages(options);
    const delivered = await toEveryChannel(slack.channels, async (channel) => ({
        posts: thread
            ? await postThread(client, channel, thread, { paceMs: MESSAGE_INTERVAL_MS, run, urlsChecked })
            : // A few messages in a row are within Slack's burst allowance: not paced.
                await postMessages(client, channel, messages, {
                    threadTs: slack.threadTs,
                    run,
                    urlsChecked
                })
    }));
    return {
        posts: delivered.posts,
        ...(delivered.failure ? { postFailure: delivered.failure } : {})
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-es/commands/GetParametersCommand.js + 1 modules
var GetParametersCommand = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/domain/signing.ts
var signing = __webpack_require__(8083);
;// CONCATENATED MODULE: ./src/aws/ssm.ts
// SSM Parameter Store: the signer's keys, read with the workflow's credentials.





/** Reads the signer's two parameters in one call (decrypted); masks the secret the moment it arrives. */
async function readSigningKeys(client, accessKeyIdParameter, secretAccessKeyParameter, signal) {
    const names = [accessKeyIdParameter, secretAccessKeyParameter];
    let response;
    try {
        response = await client.send(new GetParametersCommand/* GetParametersCommand */.A({ Names: names, WithDecryption: true }), {
            abortSignal: signal
        });
    }
    catch (error) {
        throwIfSetupProblem(error, 'aws-region');
        throw new errors/* ActionError */.lZ(`Reading the signing keys from SSM (${names.join(', ')}) failed: ${awsErrorText(error, signal)}. ${ssmHint(error)}`.trimEnd(), { cause: error });
    }
    const byName = new Map();
    for (const parameter of response.Parameters ?? []) {
        // GetParameters answers with the name as asked, or the bare name when asked by ARN.
        if (parameter.Name !== undefined && parameter.Value !== undefined) {
            byName.set(parameter.Name, parameter.Value);
            if (parameter.ARN)
                byName.set(parameter.ARN, parameter.Value);
        }
    }
    const secretAccessKey = byName.get(secretAccessKeyParameter)?.trim();
    const accessKeyId = byName.get(accessKeyIdParameter)?.trim();
    // Masked before anything else can print them: the secret always; the key id only when it is not
    // one (a secret stored in the wrong parameter). A real key id stays visible: masking it would hide
    // every presigned URL, and GitHub would drop the outputs that hold one.
    if (secretAccessKey)
        core/* setSecret */.Pq(secretAccessKey);
    if (accessKeyId && !(0,signing/* isAccessKeyIdShape */.ms)(accessKeyId))
        core/* setSecret */.Pq(accessKeyId);
    const missing = names.filter(name => !byName.get(name)?.trim());
    if (missing.length > 0) {
        throw new errors/* ActionError */.lZ(`SSM has no value for ${missing.map(name => `'${name}'`).join(' and ')} in this account and region. Create ${missing.length > 1 ? 'them' : 'it'} (aws ssm put-parameter: the key id as String, the secret as SecureString) or fix the presign-*-parameter input.`);
    }
    return { accessKeyId: accessKeyId ?? '', secretAccessKey: secretAccessKey ?? '' };
}
function ssmHint(error) {
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : '';
    // A KMS refusal arrives as SSM's AccessDeniedException too; its message names KMS.
    if (/kms/i.test(name) || /KMS|master key|ciphertext/i.test(message)) {
        return "The workflow's role needs kms:Decrypt on the parameters' customer-managed KMS key (the default aws/ssm key needs no grant).";
    }
    if (name === 'AccessDeniedException') {
        return "The workflow's role needs ssm:GetParameters on both parameters.";
    }
    return '';
}

;// CONCATENATED MODULE: ./src/delivery/signer.ts
// Which credentials sign the URLs, and what that means for how long the URLs live. Runs beside the
// first renders; no upload starts before it has decided.







async function resolveSigner(inputs, awsRegion, 
/** The S3 client on the workflow's credentials (the uploader), reused when the workflow signs. */
workflowClient, deadline, now = () => new Date()) {
    const credentials = await signingCredentials(inputs, awsRegion, workflowClient, deadline);
    const client = credentials.source === 'workflow'
        ? workflowClient
        : createS3Client(inputs.s3, deadline, {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey
        });
    const signedAt = now();
    const verdict = (0,signing/* judgeSigning */.zu)(credentials, inputs.signing, signedAt);
    core/* info */.pq((0,domain_text/* logLine */.BP)(verdict.note));
    if (verdict.refusal)
        throw new errors/* ActionError */.lZ(verdict.refusal);
    if (verdict.warning)
        core/* warning */.$e(verdict.warning, { title: 'Presigned URLs will expire early' });
    return { client, kind: verdict.kind, signedAt, expiry: verdict.expiry };
}
async function signingCredentials(inputs, awsRegion, workflowClient, deadline) {
    const signer = inputs.signer;
    switch (signer.kind) {
        case 'inputs':
            return { ...signer, source: 'inputs' };
        case 'ssm': {
            const keys = await readSigningKeys(createSsmClient(awsRegion, deadline), signer.accessKeyIdParameter, signer.secretAccessKeyParameter, deadline.work);
            checkSsmKeys(keys, signer.accessKeyIdParameter, signer.secretAccessKeyParameter);
            return { ...keys, source: 'ssm' };
        }
        case 'workflow':
            return { ...(await workflowCredentials(workflowClient)), source: 'workflow' };
    }
}
/** The keys read from SSM can sign: each in its parameter, the key id a long-term one. */
function checkSsmKeys(keys, idParameter, secretParameter) {
    const where = `SSM parameter '${idParameter}' (presign-access-key-id-parameter)`;
    if (!(0,signing/* isAccessKeyIdShape */.ms)(keys.accessKeyId)) {
        throw new errors/* ActionError */.lZ((0,signing/* isAccessKeyIdShape */.ms)(keys.secretAccessKey)
            ? `The two SSM parameters look swapped: ${where} holds something that is not an access key id, and '${secretParameter}' (presign-secret-access-key-parameter) holds one; both values are masked. Swap the two inputs, or the values stored in the parameters.`
            : `${where} does not hold an access key id (16 to 128 uppercase letters and digits, such as AKIA…); its value is masked. Store the signing IAM user's access key id there, and its secret in '${secretParameter}'.`);
    }
    if ((0,signing/* accessKeyIdProblem */.k0)(keys.accessKeyId)) {
        throw new errors/* ActionError */.lZ(`${where} holds a temporary (ASIA…) key id, which cannot sign URLs that last: store a dedicated IAM user's long-term (AKIA…) key id there, and its secret in '${secretParameter}'.`);
    }
}

;// CONCATENATED MODULE: ./src/delivery/presigned.ts
// delivery: presigned-url. Each graph, as it arrives: stored in S3 → presigned (locally) → checked
// as Slack will fetch it; then the Slack message(s) with image blocks. The signer is resolved
// beside the first renders; no upload happens before it has decided.













/**
 * Uploads in flight at most. S3 has no quota like CloudWatch's 20 calls a second, so uploads are
 * not held to max-concurrency: a wave of graphs that arrives while the previous wave is still
 * uploading (the first uploads wait for the signer) goes up at once. The SDK's socket pool is 50.
 */
const MAX_UPLOADS = 20;
class PresignedDelivery {
    inputs;
    settings;
    phases;
    deadline;
    uploader;
    uploads = new concurrency/* Limiter */.jG(MAX_UPLOADS);
    checks = [];
    /** Why a stored graph's URL does not serve it, by graph position. */
    checkFailures = new Map();
    plan;
    constructor(inputs, settings, phases, deadline) {
        this.inputs = inputs;
        this.settings = settings;
        this.phases = phases;
        this.deadline = deadline;
        this.uploader = createS3Client(settings.s3, deadline);
    }
    begin(graphs) {
        const stop = new AbortController();
        this.plan = this.preparePlan(graphs);
        this.plan.catch((error) => stop.abort(error));
        return stop.signal;
    }
    async accept(graph, image) {
        const { signer, keys } = await this.ready(); // its failure is every graph's: it ends the run
        const { bucket } = this.settings.s3;
        const key = keys.get(graph.position);
        if (key === undefined)
            throw new Error(`No object key for graph ${graph.position}`);
        const outcome = { graph, bytes: image.length };
        // Presigned while the upload is out (signing needs no network); used once the object is stored.
        const presigning = presignGetUrl(signer.client, bucket, key, this.settings.signing.expiresInSeconds, signer.signedAt);
        presigning.catch(() => undefined); // awaited below, unless the upload fails first
        try {
            await this.uploads.run(() => uploadPng(this.uploader, bucket, key, image, this.deadline.work));
            outcome.key = key; // only a stored object has a key to report
            outcome.url = await presigning;
        }
        catch (error) {
            // Every upload would meet it (the proxy refused, a setup error): the run ends, no more uploads.
            if (error instanceof errors/* SetupError */.w3 || (0,network_errors/* findProxyError */.cL)(error))
                throw error;
            outcome.failure = (0,errors/* describeError */.Uc)(error);
            return outcome;
        }
        core/* info */.pq((0,domain_text/* logLine */.BP)(`${(0,naming/* label */.Pf)(graph)}: ${(image.length / 1024).toFixed(1)} KiB → s3://${bucket}/${key}`));
        if (this.settings.verifyUrls)
            this.checks.push(this.check(graph, outcome.url));
        return outcome;
    }
    async finish(rendered, alarms) {
        const { signer, runUrl } = await this.ready();
        await Promise.all(this.checks);
        const outcomes = rendered.map(outcome => {
            const failure = this.checkFailures.get(outcome.graph.position);
            return failure ? { ...outcome, failure } : outcome;
        });
        const posted = (0,domain_report/* delivered */.bI)(outcomes);
        // With no graph asked for (alarms: firing, none firing), the message is posted all the same.
        if (posted.length === 0 && outcomes.length > 0) {
            throw new errors/* ActionError */.lZ(`No graph could be rendered and stored, so nothing was posted:\n${(0,domain_report/* describeFailures */.ng)(outcomes)}`);
        }
        if (this.settings.verifyUrls) {
            core/* info */.pq((0,domain_text/* logLine */.BP)(`Checked ${(0,domain_text/* plural */.LS)(posted.length, 'URL')}: each serves its image`));
        }
        const result = await postReport(this.inputs, this.phases, this.deadline, {
            graphs: posted.map(({ graph, url }) => ({
                name: graph.name,
                url: url,
                ...(graph.alarm ? { alarm: graph.alarm } : {})
            })),
            missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name),
            expiry: signer.expiry,
            runUrl,
            ...(alarms ? { alarms } : {})
        }, this.settings.verifyUrls);
        return {
            delivery: 'presigned-url',
            graphs: outcomes,
            ...result,
            dryRun: this.inputs.dryRun,
            ...(alarms ? { alarms } : {}),
            bucket: this.settings.s3.bucket,
            signing: signer.kind,
            expiry: signer.expiry,
            // Session-signed URLs carry the session token: never in a summary, even when asked.
            embedImages: this.settings.summaryImages && signer.kind === 'long-term'
        };
    }
    ready() {
        if (!this.plan)
            throw new Error('PresignedDelivery.begin() was not called');
        return this.plan;
    }
    async preparePlan(graphs) {
        const run = readRunInfo();
        const signer = await resolveSigner(this.settings, this.inputs.awsRegion, this.uploader, this.deadline);
        const names = graphs.map(graph => graph.name);
        const keys = (0,naming/* objectKeys */.uv)(this.settings.s3.keyPrefix, names, run, signer.signedAt);
        return {
            signer,
            keys: new Map(graphs.map((graph, i) => [graph.position, keys[i]])),
            runUrl: run.runUrl
        };
    }
    /** Checked outside the upload stage: the next graph need not wait for it. */
    async check(graph, url) {
        const { attemptMs, work } = this.deadline;
        const problem = await checkUrl(url, { attemptMs, signal: work });
        if (problem) {
            this.checkFailures.set(graph.position, `the presigned URL does not serve the image: ${problem}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/slack/files.ts
// delivery: slack-upload: Slack hosts the PNGs, so they never expire and no bucket or signer is
// needed. Slack's external upload flow: files.getUploadURLExternal, the bytes to that URL, then
// files.completeUploadExternal shares them in the channel (or thread).







/** Files shared per message: Slack shows up to 10 attachments in one message. */
const FILES_PER_MESSAGE = 10;
const UPLOAD_CONCURRENCY = 5;
const UPLOAD_ATTEMPTS = 3;
/**
 * The bytes of every file to Slack (not yet shared anywhere), at most a few at once. Each file's
 * result in order: its Slack file id, or why it failed, so one failure does not cost the others.
 */
async function uploadFiles(client, files, options = {}) {
    return (0,concurrency/* mapWithConcurrency */.WS)(files, UPLOAD_CONCURRENCY, file => uploadBytes(client, file, (0,naming/* fileName */.Md)(file.position, file.name, files.length), options).catch((error) => (error instanceof Error ? error : new Error(String(error)))));
}
/**
 * Shares the uploaded files in order, `perMessage` files per message (1 in a thread of replies),
 * paced like messages. Stops at the first refusal: the next share would meet the same cause. A
 * share whose answer was lost is looked for in the channel before it is sent again (sharing twice
 * would post the files twice).
 */
async function shareFiles(client, channelId, files, options) {
    const permalinks = files.map(() => undefined);
    for (let start = 0; start < files.length; start += options.perMessage) {
        if (start > 0 && options.paceMs)
            await (options.sleep ?? client.sleep)(options.paceMs);
        const batch = files.slice(start, start + options.perMessage);
        try {
            const shared = await share(client, channelId, batch, options);
            batch.forEach(({ id }, i) => {
                permalinks[start + i] = shared.get(id) ?? '';
            });
        }
        catch (error) {
            const failure = error instanceof errors/* ActionError */.lZ
                ? error.message
                : `Slack refused to share it: ${slackErrorText(error)}`;
            return { permalinks, failure };
        }
    }
    return { permalinks };
}
/** One completeUploadExternal, sent once: its files' permalinks by id. */
async function share(client, channelId, batch, options) {
    const ids = new Set(batch.map(({ id }) => id));
    const permalinks = (found) => new Map(found.filter(file => file.id && ids.has(file.id)).map(f => [f.id ?? '', f.permalink]));
    const send = async () => {
        const response = await client.web.files.completeUploadExternal({
            files: batch.map(({ id, title }) => ({ id, title })),
            channel_id: channelId,
            ...(options.threadTs ? { thread_ts: options.threadTs } : {})
        });
        return permalinks(response.files ?? []);
    };
    const names = batch.map(({ title }) => `'${title}'`).join(', ');
    return postOnce(client, send, {
        channel: channelId,
        threadTs: options.threadTs,
        // The message that shares them carries the files: the first one is enough to know it.
        find: messages => {
            const message = messages.find(m => (m.files ?? []).some(file => file.id === batch[0]?.id));
            return message ? permalinks(message.files ?? []) : undefined;
        },
        what: `shared ${names} in '${channelId}'`,
        identifies: options.identifies ?? `the files ${names}`
    });
}
async function uploadBytes(client, file, filename, options) {
    let target;
    try {
        target = await client.call(() => client.web.files.getUploadURLExternal({ filename, length: file.png.length }));
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Slack refused an upload of '${file.name}': ${slackErrorText(error)}`, {
            cause: error
        });
    }
    if (!target.upload_url || !target.file_id) {
        throw new errors/* ActionError */.lZ(`Slack gave no upload URL for '${file.name}'`);
    }
    await sendBytes(client, target.upload_url, file, options);
    return { id: target.file_id, title: file.name };
}
/**
 * The bytes to Slack's upload URL (sending them again only replaces them); a broken connection, no
 * answer or a 5xx is retried twice, while the run has time for it.
 */
async function sendBytes(client, url, file, options) {
    let problem = '';
    let cause;
    for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
        if (attempt > 1) {
            const wait = 1000 * 2 ** (attempt - 2);
            if (wait + client.time.attemptMs > client.time.remainingMs())
                break;
            await (options.sleep ?? client.sleep)(wait);
        }
        try {
            const response = await client.fetch(url, {
                method: 'POST',
                headers: { 'Content-Type': 'image/png' },
                body: file.png
            });
            if (response.ok)
                return;
            problem = `HTTP ${response.status}`;
            if (response.status < 500)
                break;
        }
        catch (error) {
            problem = http_isTimeout(error)
                ? `no answer within ${client.time.attemptMs / 1000} s`
                : (0,errors/* describeError */.Uc)(error);
            cause = error;
            if ((0,network_errors/* findProxyError */.cL)(error))
                break; // the proxy refused: the next attempt would meet it too
        }
    }
    throw new errors/* ActionError */.lZ(`Uploading '${file.name}' to Slack failed: ${problem}`, { cause });
}

;// CONCATENATED MODULE: ./src/delivery/slack-hosted.ts
// delivery: slack-upload. Every graph rendered, then, in each channel, the PNGs uploaded to Slack,
// a header message (text, context line) and the files shared under it: in the channel, or as
// replies in its thread. Only what reached Slack is announced, so a missing scope or a failed upload never
// leaves a header without graphs.













class SlackHostedDelivery {
    inputs;
    phases;
    deadline;
    pause;
    /** The rendered PNGs, by graph position, until they go to Slack. */
    pngs = new Map();
    constructor(inputs, phases, deadline, pause = concurrency/* sleep */.yy) {
        this.inputs = inputs;
        this.phases = phases;
        this.deadline = deadline;
        this.pause = pause;
    }
    begin() {
        return new AbortController().signal; // nothing runs beside the renders that could fail them all
    }
    async accept(graph, image) {
        this.pngs.set(graph.position, image);
        core/* info */.pq((0,domain_text/* logLine */.BP)(`${(0,naming/* label */.Pf)(graph)}: ${(image.length / 1024).toFixed(1)} KiB`));
        return { graph, bytes: image.length };
    }
    async finish(outcomes, alarms) {
        const rendered = outcomes.filter(outcome => !outcome.failure);
        // With no graph asked for (alarms: firing, none firing), the header is posted all the same.
        if (rendered.length === 0 && outcomes.length > 0) {
            throw new errors/* ActionError */.lZ(`No graph could be rendered, so nothing was posted:\n${(0,domain_report/* describeFailures */.ng)(outcomes)}`);
        }
        const report = {
            delivery: 'slack-upload',
            graphs: outcomes,
            posts: [],
            dryRun: this.inputs.dryRun,
            ...(alarms ? { alarms } : {})
        };
        const slack = this.inputs.slack;
        if (this.inputs.dryRun || !slack) {
            core/* info */.pq((0,domain_text/* logLine */.BP)('Dry run: nothing uploaded to Slack'));
            return report;
        }
        this.phases.enter('uploading to Slack');
        const client = createSlackClient(slack.token, slack.apiUrl, this.deadline, this.pause);
        const info = readRunInfo();
        const run = reportRun(info); // names the messages and files, to find them if an answer is lost
        const several = slack.channels.length > 1;
        const delivered = await toEveryChannel(slack.channels, channel => this.deliverTo(client, channel, { outcomes, info, run, alarms, several }));
        return {
            ...report,
            graphs: firstDelivered(outcomes, delivered.values),
            posts: delivered.posts,
            ...(delivered.failure ? { postFailure: delivered.failure } : {})
        };
    }
    /**
     * The report in one channel: the files uploaded, the header, the files shared under it. The
     * bytes go up once per channel: Slack completes an upload once, and shares it into a thread of
     * one channel only.
     */
    async deliverTo(client, channel, report) {
        const slack = this.inputs.slack;
        const { outcomes, info, run, alarms } = report;
        const uploaded = await this.uploadAll(client, outcomes);
        const header = await this.postHeader(client, channel, uploaded.outcomes, info, run, alarms);
        if (outcomes.length === 0)
            return { posts: [header], value: outcomes };
        const graphs = await this.share(client, slack, header, uploaded, run);
        const count = graphs.filter(outcome => outcome.url && !outcome.failure).length;
        core/* info */.pq((0,domain_text/* logLine */.BP)(`Shared ${count} graph(s) in Slack under message ${header.ts} in ${header.channel}`));
        // With one channel, a graph that did not reach it is the graph's failure; with several, the
        // graph may be in the others, so the channel is named with what it misses.
        const unrendered = new Set((0,domain_report/* failed */.gz)(outcomes).map(outcome => outcome.graph));
        const notShared = (0,domain_report/* failed */.gz)(graphs).filter(outcome => !unrendered.has(outcome.graph));
        if (!report.several || notShared.length === 0)
            return { posts: [header], value: graphs };
        const [first] = notShared;
        return {
            posts: [header],
            value: graphs,
            failure: `${(0,domain_text/* plural */.LS)(notShared.length, 'graph')} not shared there (${notShared.map(o => (0,naming/* label */.Pf)(o.graph)).join(', ')}): ${(0,domain_text/* cut */.Jj)(first?.failure ?? '', domain_report/* MAX_CAUSE */.vn)}`
        };
    }
    /**
     * The bytes of every rendered graph to Slack (not shared yet): the outcomes with each upload's
     * failure, and the files that made it, by graph position.
     */
    async uploadAll(client, outcomes) {
        const rendered = outcomes.filter(outcome => !outcome.failure);
        if (outcomes.length === 0)
            return { outcomes, files: new Map() };
        const files = rendered.map(({ graph }) => ({
            name: graph.name,
            position: graph.position,
            png: this.pngs.get(graph.position)
        }));
        const results = await uploadFiles(client, files, { sleep: this.pause });
        const byPosition = new Map();
        const failures = new Map();
        rendered.forEach(({ graph }, i) => {
            const result = results[i];
            if (result && !(result instanceof Error))
                byPosition.set(graph.position, result);
            else
                failures.set(graph.position, result?.message ?? 'not uploaded');
        });
        if (byPosition.size === 0) {
            const all = withFailures(outcomes, failures);
            throw new errors/* ActionError */.lZ(`No graph could be uploaded to Slack, so nothing was posted:\n${(0,domain_report/* describeFailures */.ng)(all)}`);
        }
        return { outcomes: withFailures(outcomes, failures), files: byPosition };
    }
    /** The text and the context line, naming the graphs that failed so far. */
    async postHeader(client, channel, outcomes, info, run, alarms) {
        const slack = this.inputs.slack;
        // The alarms' lines, all of them: the files under it are the graphs alone.
        const header = buildHeader({
            text: slack.text ?? defaultText(new Date(), this.inputs.window.timezone),
            window: (0,time_window/* describeWindow */.vF)(this.inputs.window),
            expiry: 'slack',
            runUrl: info.runUrl,
            missing: (0,domain_report/* failed */.gz)(outcomes).map(outcome => outcome.graph.name),
            ...(alarms ? { alarms } : {})
        });
        const [posted] = await postMessages(client, channel, [header], {
            threadTs: slack.threadTs,
            run
        });
        if (!posted)
            throw new errors/* ActionError */.lZ('Slack returned no message for the header');
        return posted;
    }
    /** The uploaded files shared under the header, paced; each graph's permalink, or why not. */
    async share(client, slack, header, uploaded, run) {
        const threaded = slack.thread === 'images';
        await this.pause(MESSAGE_INTERVAL_MS); // the files' messages follow the header at Slack's pace
        const positions = [...uploaded.files.keys()];
        const shared = await shareFiles(client, header.channel, [...uploaded.files.values()], {
            threadTs: threaded ? header.ts : slack.threadTs,
            perMessage: threaded ? 1 : FILES_PER_MESSAGE,
            paceMs: MESSAGE_INTERVAL_MS,
            sleep: this.pause,
            identifies: `the files of the report of ${describeRun(run)}`
        });
        const links = new Map(positions.map((position, i) => [position, shared.permalinks[i]]));
        return uploaded.outcomes.map(outcome => {
            if (!links.has(outcome.graph.position))
                return outcome;
            const permalink = links.get(outcome.graph.position);
            if (permalink === undefined)
                return { ...outcome, failure: shared.failure ?? 'not shared' };
            if (permalink === '') {
                core/* warning */.$e((0,domain_text/* logLine */.BP)(`Slack shared '${outcome.graph.name}' but gave no permalink`));
            }
            return { ...outcome, url: permalink };
        });
    }
}
/**
 * Each graph's outcome over every channel: where it was first shared (its permalink there), or
 * the first channel's failure when no channel got it.
 */
function firstDelivered(outcomes, perChannel) {
    return outcomes.map((outcome, i) => perChannel.map(graphs => graphs[i]).find(o => o?.url !== undefined && !o.failure) ??
        perChannel[0]?.[i] ??
        outcome);
}
/** The outcomes with these graphs' failures added, as new objects. */
function withFailures(outcomes, failures) {
    return outcomes.map(outcome => {
        const failure = failures.get(outcome.graph.position);
        return failure ? { ...outcome, failure } : outcome;
    });
}

;// CONCATENATED MODULE: ./src/connect.ts
// The outside systems, connected for this run: CloudWatch as the graphs' source, and the delivery
// the workflow chose. main.ts loads this module only once every input is valid, so bad input fails
// before the AWS SDK and the Slack client are even loaded.






/**
 * `deadline` is the run's clock (input 'timeout'): every client takes its per-attempt limit, and
 * every call before posting stops with its work signal.
 */
function connect(inputs, phases, deadline) {
    useProxy(inputs.proxy); // before any client: every request of the run takes it
    const client = createCloudWatchClient(inputs.awsRegion, deadline);
    const cloudwatch = {
        fetchImage: graph => fetchGraphImage(client, graph, deadline.work),
        readDashboard: name => readDashboard(client, name, deadline.work),
        readAlarms: query => describeAlarms(client, query, deadline.work)
    };
    const delivery = inputs.delivery.kind === 'slack-upload'
        ? new SlackHostedDelivery(inputs, phases, deadline)
        : new PresignedDelivery(inputs, inputs.delivery, phases, deadline);
    return { cloudwatch, delivery };
}


/***/ })

};
