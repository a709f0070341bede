export const id = 691;
export const ids = [691];
export const modules = {

/***/ 6691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSlackClient: () => (/* binding */ createSlackClient),
/* harmony export */   postMessages: () => (/* binding */ postMessages)
/* harmony export */ });
/* unused harmony export slackErrorText */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _slack_web_api__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5105);
/* harmony import */ var _slack_web_api__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_slack_web_api__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
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
        headers: { 'User-Agent': 'cloudwatch-graphs-to-slack/1' }
    });
}
/** Posts the messages in order (threaded when asked); returns where each one landed. */
async function postMessages(client, channel, messages, threadTs) {
    const results = [];
    for (const [index, message] of messages.entries()) {
        try {
            const response = await client.chat.postMessage({
                channel,
                text: message.text,
                blocks: message.blocks,
                unfurl_links: false,
                unfurl_media: false,
                ...(threadTs ? { thread_ts: threadTs } : {})
            });
            results.push({ channel: response.channel ?? channel, ts: response.ts ?? '' });
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Slack refused message ${index + 1} of ${messages.length} to '${channel}': ${slackErrorText(error)}`, { cause: error });
        }
    }
    return results;
}
const HINTS = {
    not_in_channel: 'invite the Slack app to the channel (/invite @your-app)',
    channel_not_found: 'check slack-channel (use the channel id, e.g. C0123ABCDEF) and that the app can see the channel',
    invalid_auth: 'slack-token is not valid: use the bot token (xoxb-…) of an installed app',
    not_authed: 'slack-token is missing or empty',
    account_inactive: 'the token belongs to a deleted user or an uninstalled app: reinstall the app',
    token_revoked: 'the token was revoked: reinstall the app and update the secret',
    missing_scope: "the app lacks the 'chat:write' scope: add it and reinstall the app",
    ratelimited: 'Slack rate-limited the app: post less often',
    invalid_blocks: 'Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL',
    is_archived: 'the channel is archived'
};
function slackErrorText(error) {
    const data = error
        .data;
    const code = data?.error;
    if (!code)
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error);
    const details = data.response_metadata?.messages?.join('; ');
    const hint = HINTS[code];
    return [code, details ? `(${details})` : '', hint ? `: ${hint}` : '']
        .join(' ')
        .replace(/ :/, ':')
        .trim();
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
