// Collection-level pre-request script: tags every request with a trace id so API logs can be matched to runs.
import { v4 as uuid } from 'uuid';

pm.request.headers.upsert({ key: 'X-Trace-Id', value: uuid() });
