export const id = 506;
export const ids = [506];
export const modules = {

/***/ 7506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkUrl: () => (/* binding */ checkUrl),
/* harmony export */   hintFor: () => (/* binding */ hintFor)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8204);
// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.



const TIMEOUT_MS = 15000;
/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link.
 */
async function checkUrl(url) {
    let answer;
    try {
        answer = await firstByte(url);
    }
    catch (error) {
        return `the request failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)})`;
    }
    if (answer.status === 200 || answer.status === 206) {
        const type = answer.contentType;
        return type.startsWith('image/') ? undefined : `S3 serves it as '${type}', not as an image`;
    }
    const code = /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1] ?? `HTTP ${answer.status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1] ?? '';
    return `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd();
}
/**
 * A GET of the first byte, as Slack's fetch would see the object. node:http rather than fetch():
 * undici, which fetch() loads on first use, costs about 40 ms of CPU in the middle of the run.
 * The default agents keep connections alive, so the checks reuse them.
 */
function firstByte(url) {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const send = target.protocol === 'http:' ? node_http__WEBPACK_IMPORTED_MODULE_0__.request : node_https__WEBPACK_IMPORTED_MODULE_1__.request;
        // Its timer does not keep the process alive, whatever happens to the connection.
        const signal = AbortSignal.timeout(TIMEOUT_MS);
        const fail = (error) => reject(signal.aborted ? new Error(`no answer within ${TIMEOUT_MS / 1000} s`) : error);
        const request = send(target, { headers: { Range: 'bytes=0-0' }, signal }, response => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', fail);
            response.on('end', () => resolve({
                status: response.statusCode ?? 0,
                contentType: response.headers['content-type'] ?? '',
                body: Buffer.concat(chunks).toString('utf8')
            }));
        });
        request.on('error', fail);
        request.end();
    });
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
