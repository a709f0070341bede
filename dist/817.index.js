export const id = 817;
export const ids = [817];
export const modules = {

/***/ 201:
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

/***/ 3817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsErrorText: () => (/* binding */ awsErrorText),
/* harmony export */   createCloudWatchClient: () => (/* binding */ createCloudWatchClient),
/* harmony export */   fetchGraphImage: () => (/* binding */ fetchGraphImage),
/* harmony export */   readDashboard: () => (/* binding */ readDashboard)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(201);



function createCloudWatchClient(region) {
    // CloudWatch allows 20 GetMetricWidgetImage calls per second per account: adaptive retries back
    // off when it throttles, and do nothing while it does not.
    return new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchClient */ .WBn({ ...(0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .clientSettings */ .r)(region, 'adaptive'), maxAttempts: 8 });
}
/** The graph as PNG bytes, exactly as CloudWatch rendered it. */
async function fetchGraphImage(client, graph) {
    let image;
    try {
        const response = await client.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .GetMetricWidgetImageCommand */ .lG6({ MetricWidget: graph.metricWidget, OutputFormat: 'png' }));
        image = response.MetricWidgetImage;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`CloudWatch could not render graph ${graph.position} ('${graph.name}'): ${awsErrorText(error)}`, { cause: error });
    }
    if (!image || image.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`CloudWatch returned no image for graph ${graph.position} ('${graph.name}')`);
    }
    return image;
}
/**
 * `Code: message`, as the service said it. CloudWatch is "query compatible": the SDK may name the
 * error class after its model (DashboardInvalidInputError) and keep the wire code in `Code`.
 */
function awsErrorText(error) {
    if (error instanceof Error) {
        const code = error.Code;
        const name = typeof code === 'string' && code ? code : error.name;
        return name && name !== 'Error' ? `${name}: ${error.message}` : error.message;
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error);
}
/** A dashboard's body (JSON text), as saved. */
async function readDashboard(client, name, region) {
    try {
        const response = await client.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .GetDashboardCommand */ .KP_({ DashboardName: name }));
        return response.DashboardBody ?? '{}';
    }
    catch (error) {
        const code = error.Code ?? error.name;
        const hint = code === 'ResourceNotFound' || code === 'DashboardNotFoundError'
            ? ` Check the name (case matters) and that the dashboard is in ${region} (aws-region).`
            : code === 'AccessDenied' || code === 'AccessDeniedException'
                ? " The workflow's role needs cloudwatch:GetDashboard."
                : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Reading dashboard '${name}' failed: ${awsErrorText(error)}.${hint}`, {
            cause: error
        });
    }
}


/***/ })

};
