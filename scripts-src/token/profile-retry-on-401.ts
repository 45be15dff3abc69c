// Collection-level test script of a collection with auth profiles: on a 401, drop that profile's token and replay.
import './select-profile.ts';
import './retry-on-401.ts';
