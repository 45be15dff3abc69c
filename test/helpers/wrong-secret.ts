/**
 * A client secret the test token servers refuse, passed at run time by the runner suites (Newman, Postman CLI,
 * Bruno); each then checks that it shows in no output. One value for all, so a leak check looks for the same thing.
 */
export const WRONG_SECRET = 'wrong-secret-Zq81LmX4vT';
