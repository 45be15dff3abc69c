// Collection-level pre-request script of a collection with auth profiles: the request's profile, then its token.
import './select-profile.ts';
import './prerequest.ts';
