export const id = 915;
export const ids = [915,64];
export const modules = {

/***/ 6064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_BLOCKS_PER_MESSAGE: () => (/* binding */ MAX_BLOCKS_PER_MESSAGE),
/* harmony export */   MAX_IMAGE_URL_LENGTH: () => (/* binding */ MAX_IMAGE_URL_LENGTH),
/* harmony export */   buildHeader: () => (/* binding */ buildHeader),
/* harmony export */   buildMessages: () => (/* binding */ buildMessages),
/* harmony export */   buildThread: () => (/* binding */ buildThread),
/* harmony export */   defaultText: () => (/* binding */ defaultText),
/* harmony export */   expiryText: () => (/* binding */ expiryText),
/* harmony export */   graphBlock: () => (/* binding */ graphBlock),
/* harmony export */   imagesAsLinks: () => (/* binding */ imagesAsLinks)
/* harmony export */ });
const MAX_BLOCKS_PER_MESSAGE = 50;
/** Slack refuses an image block whose image_url is longer. */
const MAX_IMAGE_URL_LENGTH = 3000;
const MAX_ALT_TEXT = 2000;
const MAX_TITLE = 2000;
const MAX_SECTION_TEXT = 3000;
/** One or more messages; each repeats the text (marked as continued) and ends with the context line. */
function buildMessages(options) {
    const perMessage = MAX_BLOCKS_PER_MESSAGE - 2; // the section and the context line
    const chunks = [];
    for (let start = 0; start < options.graphs.length; start += perMessage) {
        chunks.push(options.graphs.slice(start, start + perMessage));
    }
    const context = contextBlock(options.expiry, options.runUrl, options.missing ?? []);
    return chunks.map((chunk, index) => {
        const text = chunks.length === 1 ? options.text : `${options.text} (${index + 1}/${chunks.length})`;
        return {
            text,
            blocks: [sectionBlock(text), ...chunk.map(graphBlock), context]
        };
    });
}
/** slack-thread: images: a header message, then each graph as a reply in its thread. */
function buildThread(options) {
    return {
        header: buildHeader(options),
        replies: options.graphs.map(graph => ({ text: graph.name, blocks: [graphBlock(graph)] }))
    };
}
/** The text and the context line alone: the parent of a thread, or the words above uploaded files. */
function buildHeader(options) {
    return {
        text: options.text,
        blocks: [
            sectionBlock(options.text),
            contextBlock(options.expiry, options.runUrl, options.missing ?? [])
        ]
    };
}
function sectionBlock(text) {
    return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) } };
}
/** An image block, or a link when the URL is over Slack's image_url limit (long session tokens). */
function graphBlock(graph) {
    if (graph.url.length > MAX_IMAGE_URL_LENGTH)
        return linkBlock(graph.name, graph.url);
    return {
        type: 'image',
        image_url: graph.url,
        alt_text: truncate(graph.name, MAX_ALT_TEXT),
        title: { type: 'plain_text', text: truncate(graph.name, MAX_TITLE), emoji: true }
    };
}
/** A link that Slack need not download: for URLs it cannot take as images. */
function linkBlock(name, url) {
    return {
        type: 'rich_text',
        elements: [
            {
                type: 'rich_text_section',
                elements: [{ type: 'link', url, text: truncate(name, MAX_TITLE) }]
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
function contextBlock(expiry, runUrl, missing) {
    const parts = [expiryText(expiry)];
    if (missing.length > 0) {
        const names = escapeMrkdwn(truncate(missing.join(', '), 500));
        parts.push(`${missing.length} graph${missing.length === 1 ? '' : 's'} failed: ${names}`);
    }
    if (runUrl)
        parts.push(`<${runUrl}|Workflow run>`);
    return {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(parts.join(' · '), MAX_SECTION_TEXT) }]
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
/** The default text: names the day, so a channel full of reports stays readable. */
function defaultText(now) {
    return `CloudWatch graphs for ${now.toISOString().slice(0, 10)}`;
}
/** Slack's mrkdwn reads <, > and & as markup. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function truncate(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}


/***/ }),

/***/ 7518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vs: () => (/* binding */ nodeFetch)
/* harmony export */ });
/* unused harmony exports ResponseHeaders, NodeResponse */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
// The part of fetch() that Slack's WebClient (its `fetch` option) and the URL checks use, over
// node:http(s). Node's own fetch() is undici, which initialises on the first call: about 45 ms of
// CPU, in the middle of the run for the first check and on the post the run has waited for.
// A body that is not a string (multipart uploads) goes to the real fetch(). Redirects are never
// followed: WebClient asks for redirect: 'error', and any other value returns the 3xx as it is.


/**
 * Response headers as fetch's Headers reads them (case-insensitive, lists joined), as far as
 * WebClient and the URL checks read them.
 */
class ResponseHeaders {
    values;
    constructor(raw) {
        this.values = new Map();
        for (const [name, value] of Object.entries(raw)) {
            if (value !== undefined) {
                this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
            }
        }
    }
    get(name) {
        return this.values.get(name.toLowerCase()) ?? null;
    }
    entries() {
        return this.values.entries();
    }
}
class NodeResponse {
    url;
    status;
    statusText;
    headers;
    body;
    constructor(url, status, statusText, headers, body) {
        this.url = url;
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.body = body;
    }
    get ok() {
        return this.status >= 200 && this.status < 300;
    }
    async text() {
        return this.body.toString('utf8');
    }
    async json() {
        return JSON.parse(this.body.toString('utf8'));
    }
    async arrayBuffer() {
        return new Uint8Array(this.body).buffer;
    }
}
async function nodeFetch(input, init = {}) {
    if (init.body !== undefined && typeof init.body !== 'string')
        return fetch(input, init);
    const url = new URL(input);
    const body = init.body;
    const headers = { ...init.headers };
    if (body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'http:' ? node_http__WEBPACK_IMPORTED_MODULE_0__.request : node_https__WEBPACK_IMPORTED_MODULE_1__.request;
    return new Promise((resolve, reject) => {
        // A timeout says so, as fetch()'s does, not just "aborted".
        const fail = (error) => reject(init.signal?.aborted ? init.signal.reason : error);
        const request = send(url, { method: init.method ?? 'GET', headers, signal: init.signal }, response => {
            const status = response.statusCode ?? 0;
            if (init.redirect === 'error' && status >= 300 && status < 400) {
                response.resume();
                reject(new TypeError(`redirected (HTTP ${status}), and redirects are refused`));
                return;
            }
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', fail);
            response.on('end', () => resolve(new NodeResponse(url.href, status, response.statusMessage ?? '', new ResponseHeaders(response.headers), Buffer.concat(chunks))));
        });
        request.on('error', fail);
        request.end(body);
    });
}


/***/ }),

/***/ 6915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MESSAGE_INTERVAL_MS: () => (/* binding */ MESSAGE_INTERVAL_MS),
/* harmony export */   createSlackClient: () => (/* binding */ createSlackClient),
/* harmony export */   postMessages: () => (/* binding */ postMessages),
/* harmony export */   postThread: () => (/* binding */ postThread),
/* harmony export */   slackErrorText: () => (/* binding */ slackErrorText),
/* harmony export */   sleep: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _slack_web_api__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9043);
/* harmony import */ var _slack_web_api__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_slack_web_api__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _node_fetch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7518);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8204);
/* harmony import */ var _message_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6064);
// The Slack side: one bounded client, messages posted in order, errors mapped to their fix.





/** Per-request timeout. @slack/web-api has none by default. */
const REQUEST_TIMEOUT_MS = 30000;
function createSlackClient(token, apiUrl) {
    return new _slack_web_api__WEBPACK_IMPORTED_MODULE_1__.WebClient(token, {
        slackApiUrl: apiUrl,
        timeout: REQUEST_TIMEOUT_MS,
        // The default policy retries for about 30 minutes; a scheduled report should give up sooner.
        retryConfig: { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000, randomize: true },
        logger: actionsLogger(),
        headers: { 'User-Agent': 'cloudwatch-graphs-to-slack/1' },
        fetch: _node_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .nodeFetch */ .vs
    });
}
/** Slack allows about one message per second per channel. */
const MESSAGE_INTERVAL_MS = 1000;
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Posts the messages in order; returns where each one landed. A message whose images Slack could
 * not download is posted again with links instead, once, with a warning.
 */
async function postMessages(client, channel, messages, options = {}) {
    const results = [];
    for (const [index, message] of messages.entries()) {
        if (index > 0 && options.paceMs)
            await (options.sleep ?? sleep)(options.paceMs);
        const where = `message ${index + 1} of ${messages.length} to '${channel}'`;
        try {
            results.push(await postWithFallback(client, channel, message, options.threadTs, where));
        }
        catch (error) {
            if (results.length === 0)
                throw error;
            const first = results[0];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PostError */ .dJ(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)} (${results.length} of ${messages.length} messages were posted before it, the first at ts ${first.ts}: a re-run would post them again)`, results, { cause: error });
        }
    }
    return results;
}
/** slack-thread: images: the header, then each graph as a reply in its thread, paced. */
async function postThread(client, channel, thread, options = {}) {
    const [header] = await postMessages(client, channel, [thread.header]);
    if (!header)
        return [];
    if (thread.replies.length > 0 && options.paceMs)
        await (options.sleep ?? sleep)(options.paceMs);
    try {
        const replies = await postMessages(client, header.channel, thread.replies, {
            ...options,
            threadTs: header.ts
        });
        return [header, ...replies];
    }
    catch (error) {
        const replies = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PostError */ .dJ ? error.posted : [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PostError */ .dJ(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)} (the thread's header, ts ${header.ts}, and ${replies.length} of ${thread.replies.length} replies were posted)`, [header, ...replies], { cause: error });
    }
}
async function postWithFallback(client, channel, message, threadTs, where) {
    try {
        return await post(client, channel, message, threadTs);
    }
    catch (error) {
        if (!isImageDownloadFailure(error)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`Slack refused ${where}: ${slackErrorText(error)}`, { cause: error });
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Slack could not download the images of ${where} (${slackErrorText(error)}); posted them as links instead. The URLs were checked before posting, so Slack's download may have failed on its side; open a link to see the graph.`, { title: 'Graphs posted as links' });
        try {
            return await post(client, channel, (0,_message_js__WEBPACK_IMPORTED_MODULE_4__.imagesAsLinks)(message), threadTs);
        }
        catch (retryError) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`Slack refused ${where}, also as links: ${slackErrorText(retryError)}`, {
                cause: retryError
            });
        }
    }
}
async function post(client, channel, message, threadTs) {
    const response = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {})
    });
    return { channel: response.channel ?? channel, ts: response.ts ?? '' };
}
/** Slack's invalid_blocks for an image it could not fetch (the rest of the message was fine). */
function isImageDownloadFailure(error) {
    const data = slackErrorData(error);
    return (data?.error === 'invalid_blocks' &&
        (data.response_metadata?.messages ?? []).some(text => /downloading image failed/i.test(text)));
}
function slackErrorData(error) {
    return error?.data;
}
const HINTS = {
    not_in_channel: 'invite the Slack app to the channel (/invite @your-app)',
    channel_not_found: 'check slack-channel (use the channel id, e.g. C0123ABCDEF) and that the app can see the channel',
    invalid_auth: 'slack-token is not valid: use the bot token (xoxb-…) of an installed app',
    not_authed: 'slack-token is missing or empty',
    account_inactive: 'the token belongs to a deleted user or an uninstalled app: reinstall the app',
    token_revoked: 'the token was revoked: reinstall the app and update the secret',
    missing_scope: 'the app lacks a scope: chat:write to post (files:write too with delivery: slack-upload); add it and reinstall the app',
    ratelimited: 'Slack rate-limited the app: post less often',
    invalid_blocks: 'Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL',
    is_archived: 'the channel is archived'
};
/** `code (Slack's details): what to do`, from an error of @slack/web-api. */
function slackErrorText(error) {
    const data = slackErrorData(error);
    const code = data?.error;
    if (!code)
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error);
    const details = data.response_metadata?.messages?.join('; ');
    const hint = HINTS[code];
    return `${code}${details ? ` (${details})` : ''}${hint ? `: ${hint}` : ''}`;
}
/** Routes the client's log lines to the Actions log (debug unless they matter). */
function actionsLogger() {
    const text = (parts) => parts.map(part => String(part)).join(' ');
    return {
        // Request bodies and results hold the presigned URLs (bearer links): never in the log.
        debug: (...parts) => {
            const line = text(parts);
            if (!/^http request (body|result)/.test(line))
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(line);
        },
        info: (...parts) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text(parts)),
        warn: (...parts) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text(parts)),
        error: (...parts) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text(parts)),
        setLevel: () => undefined,
        getLevel: () => _slack_web_api__WEBPACK_IMPORTED_MODULE_1__.LogLevel.INFO,
        setName: () => undefined
    };
}


/***/ })

};
