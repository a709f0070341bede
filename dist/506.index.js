export const id = 506;
export const ids = [506];
export const modules = {

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

/***/ 7506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkUrl: () => (/* binding */ checkUrl),
/* harmony export */   hintFor: () => (/* binding */ hintFor)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8204);
/* harmony import */ var _node_fetch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7518);
// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.


const TIMEOUT_MS = 15000;
/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link.
 */
async function checkUrl(url) {
    // A GET of the first byte, as Slack's fetch would see the object. Over node:http, like the Slack
    // calls (node-fetch.ts); the default agents keep connections alive, so the checks reuse them.
    // The timeout's timer does not keep the process alive, whatever happens to the connection.
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    let status;
    let contentType;
    let body;
    try {
        const response = await (0,_node_fetch_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeFetch */ .vs)(url, { headers: { Range: 'bytes=0-0' }, signal });
        status = response.status;
        contentType = response.headers.get('content-type') ?? '';
        body = await response.text();
    }
    catch (error) {
        const why = signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
        return `the request failed (${why})`;
    }
    if (status === 200 || status === 206) {
        return contentType.startsWith('image/')
            ? undefined
            : `S3 serves it as '${contentType}', not as an image`;
    }
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
    return `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd();
}
/** What each S3 answer means for a presigned GET, and what to change. */
function hintFor(code) {
    switch (code) {
        case 'SignatureDoesNotMatch':
            return 'The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).';
        case 'InvalidAccessKeyId':
            return 'S3 does not know the signing access key id: check presign-access-key-id (or its SSM parameter), and that the key is active.';
        case 'AccessDenied':
            return 'The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).';
        case 'ExpiredToken':
        case 'TokenRefreshRequired':
            return 'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.';
        case 'AuthorizationHeaderMalformed':
        case 'AuthorizationQueryParametersError':
        case 'PermanentRedirect':
        case 'IllegalLocationConstraintException':
            return "The URL was signed for another region than the bucket's: set s3-region to the bucket's region.";
        case 'NoSuchBucket':
        case 'NoSuchKey':
            return 'The object is not there: check s3-bucket and s3-region.';
        default:
            return '';
    }
}


/***/ })

};
