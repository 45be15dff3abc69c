import { buildOnce } from './build-once.js';
import { bundleJwtEntry } from './jwt-signer.js';
import { prebuiltCryptoBundle } from './prebuilt-crypto-bundles.js';

/** The JWS algorithms a DPoP proof can be signed with (DESIGN: `auth.dpop.algorithm`). */
export const DPOP_ALGORITHMS = ['ES256', 'EdDSA', 'RS256', 'PS256'] as const;
/** One of `DPOP_ALGORITHMS`. */
export type DpopAlgorithm = (typeof DPOP_ALGORITHMS)[number];

/** The function of scripts-src/jwt/ (and its module) that derives the public JWK of each algorithm's keys. */
const PUBLIC_JWK: Record<DpopAlgorithm, [string, string]> = {
  ES256: ['ecPublicJwk', 'es256'],
  EdDSA: ['ed25519PublicJwk', 'eddsa'],
  RS256: ['rsaPublicJwk', 'rsa'],
  PS256: ['rsaPublicJwk', 'rsa'],
};

/** Name of the ambient function the DPoP script defines: `genCollectionDpopProof(input)` → `{ proof, jkt }` or `{ problem }`. */
export const DPOP_PROOF_GLOBAL = 'genCollectionDpopProof';

/**
 * The DPoP proof maker for one algorithm as sandbox JavaScript (scripts-src/jwt/dpop-proof.ts bundled with that
 * algorithm's signer only). Only collections whose config uses DPoP carry it.
 */
export const dpopProofScript: (algorithm: DpopAlgorithm) => Promise<string> = buildOnce(
  async (algorithm: DpopAlgorithm) => prebuiltCryptoBundle(dpopProofName(algorithm)) ?? bundleDpopProof(algorithm),
);

/** The name of an algorithm's proof maker bundle: its prebuilt file (`npm run build`) and the entry esbuild reads. */
export function dpopProofName(algorithm: DpopAlgorithm): string {
  return `dpop-proof-${algorithm.toLowerCase()}`;
}

/** The proof maker of `algorithm` bundled with esbuild (what `npm run build` prebuilds). */
export function bundleDpopProof(algorithm: DpopAlgorithm): Promise<string> {
  const module = algorithm.toLowerCase();
  const [jwk, jwkModule] = PUBLIC_JWK[algorithm];
  return bundleJwtEntry(
    `import { dpopProofMaker } from './dpop-proof.ts';\nimport { ${jwk} } from './${jwkModule}.ts';\nimport { ${module} } from './${module}.ts';\n` +
      `export const makeDpopProof = dpopProofMaker(${module}, ${jwk});\n`,
    `${dpopProofName(algorithm)}.ts`,
    DPOP_PROOF_GLOBAL,
    'makeDpopProof',
  );
}
