export const id = 457;
export const ids = [457];
export const modules = {

/***/ 3752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LP: () => (/* binding */ resolveCredentialExpiry),
/* harmony export */   RC: () => (/* binding */ temporaryCredentialsMessage),
/* harmony export */   r4: () => (/* binding */ formatInstant),
/* harmony export */   rR: () => (/* binding */ effectiveExpiry)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4151);

/** The signing session's end: the input first, then the environment, then the provider's own word. */
function resolveCredentialExpiry(candidates) {
    if (candidates.input)
        return { at: candidates.input, source: 'credential-expiration' };
    if (candidates.environment)
        return { at: candidates.environment, source: 'AWS_CREDENTIAL_EXPIRATION' };
    if (candidates.provider)
        return { at: candidates.provider, source: 'provider' };
    return undefined;
}
function effectiveExpiry(options) {
    const requested = new Date(options.signedAt.getTime() + options.expiresInSeconds * 1000);
    if (options.kind === 'long-term')
        return { requested, effective: requested, cutShort: false };
    const sessionEnd = options.credentialExpiry?.at;
    if (!sessionEnd)
        return { requested, effective: undefined, cutShort: true };
    const cutShort = sessionEnd.getTime() < requested.getTime();
    return { requested, effective: cutShort ? sessionEnd : requested, cutShort };
}
/** ISO 8601 in UTC without milliseconds: 2026-11-29T10:00:00Z. */
function formatInstant(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
const FIX = "Sign with a dedicated IAM user's long-term keys instead: store them in SSM Parameter Store " +
    '(presign-access-key-id-parameter / presign-secret-access-key-parameter) or pass ' +
    'presign-access-key-id from vars and presign-secret-access-key from secrets.';
/** The words of the warning (or, with temporary-credentials: fail, the error) for session signing. */
function temporaryCredentialsMessage(options) {
    const { expiry, credentialExpiry, now } = options;
    const asked = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(options.expiresInSeconds);
    const lines = [
        'The presigned URLs are signed with temporary credentials (an STS session: ASIA… key id or a session token), and a presigned URL stops working when the session that signed it ends (S3 answers ExpiredToken), whatever expires-in says.'
    ];
    if (credentialExpiry && expiry.effective) {
        const left = Math.max(0, (credentialExpiry.at.getTime() - now.getTime()) / 1000);
        lines.push(expiry.cutShort
            ? `These URLs stop working at ${formatInstant(expiry.effective)} (in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSeconds */ .Xo)(left)}, from ${credentialExpiry.source}), not after the ${asked} asked for.`
            : `The session lasts until ${formatInstant(credentialExpiry.at)} (from ${credentialExpiry.source}), so these URLs last the ${asked} asked for, but only because the session outlives them.`);
    }
    else {
        lines.push(`Their end is unknown (no credential-expiration input, no AWS_CREDENTIAL_EXPIRATION, no expiry from the provider), so expires-at is empty: the URLs live at most as long as the session (1 hour by default for an OIDC role, 12 hours at most), not the ${asked} asked for. Pass configure-aws-credentials' aws-expiration output as credential-expiration to report the real time.`);
    }
    if (options.source === 'workflow') {
        lines.push("Every URL carries the session token, which GitHub masks, so the runner drops the image-urls output ('Skip output … since it may contain secret').");
    }
    lines.push(FIX);
    return lines.join(' ');
}


/***/ }),

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatTimings: () => (/* binding */ formatTimings),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _expiry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3752);
// Step outputs and the job summary. Presigned URLs are bearer links: the summary embeds them only
// in a private repository, and never when they carry a session token.


/** Outputs list the graphs that were stored and checked, in graph order. */
function setOutputs(report) {
    const posted = report.outcomes.filter(outcome => outcome.url && !outcome.failure);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('image-urls', JSON.stringify(posted.map(outcome => outcome.url)));
    const keys = posted.flatMap(outcome => (outcome.key ? [outcome.key] : []));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('object-keys', JSON.stringify(keys));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('expires-at', expiresAt(report.expiry) ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('signing-credentials', report.signing);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('slack-ts', report.posts[0]?.ts ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('slack-channel', report.posts[0]?.channel ?? '');
}
async function writeSummary(report) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const expires = escapeHtml(report.expiry === 'slack'
        ? ''
        : (expiresAt(report.expiry) ?? 'unknown: they end with the signing session'));
    const where = report.expiry === 'slack'
        ? 'hosted by Slack (no expiry)'
        : `in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${expires}</b>`;
    const header = [
        { data: '#', header: true },
        { data: 'Graph', header: true },
        { data: 'Object key', header: true },
        { data: report.embedImages ? 'Image' : 'Status', header: true }
    ];
    const rows = report.outcomes.map(({ graph, key, url, failure }) => [
        String(graph.position),
        escapeHtml(graph.name),
        key ? `<code>${escapeHtml(key)}</code>` : '',
        failure
            ? `failed: ${escapeHtml(failure)}`
            : report.embedImages && url
                ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(graph.name)}" width="300">`
                : report.dryRun && report.expiry === 'slack'
                    ? 'rendered'
                    : report.expiry === 'slack'
                        ? 'uploaded'
                        : 'stored'
    ]);
    const count = report.outcomes.length;
    const posted = report.dryRun
        ? 'Dry run: nothing was posted to Slack.'
        : report.posts.length > 0
            ? `Posted ${report.posts.length} message${report.posts.length === 1 ? '' : 's'} to Slack (channel ${report.posts[0]?.channel}, ts ${report.posts[0]?.ts}).`
            : 'Nothing was posted to Slack.';
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
        .addHeading('CloudWatch graphs to Slack', 2)
        .addRaw(`<p>${count} graph${count === 1 ? '' : 's'} ${where}. ${escapeHtml(posted)}</p>`, true)
        .addTable([header, ...rows])
        .addRaw(`<p>Timings: ${escapeHtml(formatTimings(report.timings))}</p>`, true)
        .write();
}
function expiresAt(expiry) {
    if (expiry === 'slack' || !expiry.effective)
        return undefined;
    return (0,_expiry_js__WEBPACK_IMPORTED_MODULE_1__/* .formatInstant */ .r4)(expiry.effective);
}
function formatTimings(timings) {
    return Object.entries(timings)
        .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
        .join(', ');
}
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
}


/***/ })

};
