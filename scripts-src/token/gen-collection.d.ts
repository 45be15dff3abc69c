import type { TokenConfig } from '../../src/scripts/token-config.ts';
import type { DpopProofInput, DpopProofResult } from '../jwt/dpop-proof.ts';

declare global {
  /** The data header the generator writes in front of the bundled token scripts (`const genCollection = {…};`). */
  const genCollection: TokenConfig;

  /**
   * The JWT signer the generator puts in front of the token scripts when the config signs a JWT
   * (src/scripts/jwt-signer.ts, built from scripts-src/jwt/sign-jwt.ts): never defined otherwise.
   */
  const genCollectionSignJwt: (input: {
    header: Record<string, unknown>;
    claims: Record<string, unknown>;
    key: string;
    keyVariable: string;
  }) => { jwt: string } | { problem: string };

  /**
   * The DPoP proof maker the generator puts in front of the pre-request token script when the config uses DPoP
   * (src/scripts/dpop-proof.ts, built from scripts-src/jwt/dpop-proof.ts): never defined otherwise.
   */
  const genCollectionDpopProof: (input: DpopProofInput) => DpopProofResult;
}
