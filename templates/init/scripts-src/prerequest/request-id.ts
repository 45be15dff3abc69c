// A collection-level pre-request script: it runs before every request, with the sandbox's pre-request API
// (no pm.response here). Scripts in this folder are checked by its own tsconfig.json, as `build` checks
// the scripts listed under "scripts": { "prerequest": […] } in the config.

// One id per request, so a failing request can be found in the API's logs.
pm.request.headers.upsert({ key: 'X-Request-Id', value: pm.variables.replaceIn('{{$guid}}') });
