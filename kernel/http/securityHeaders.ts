/**
 * Headers for every page a browser renders from this platform: no inline script runs (the
 * Content-Security-Policy), no other site frames it (clickjacking), no URL leaks to other sites in
 * the Referer, no response is sniffed into another type.
 */
export function pageSecurityHeaders(contentSecurityPolicy: Record<string, string>): Record<string, string> {
  return {
    "content-security-policy": Object.entries(contentSecurityPolicy)
      .map(([directive, value]) => `${directive} ${value}`)
      .join("; "),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
}

/** What the web app's pages may load: their own scripts, styles and the gateway's API, nothing else. */
export const APP_CONTENT_SECURITY_POLICY: Record<string, string> = {
  "default-src": "'none'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};

/**
 * The developers' GraphQL IDE (outside production): GraphiQL's fonts are data: URLs in its CSS, and
 * its dialogs add a small <style> element; still no inline script.
 */
export const IDE_CONTENT_SECURITY_POLICY: Record<string, string> = {
  ...APP_CONTENT_SECURITY_POLICY,
  "style-src-elem": "'self' 'unsafe-inline'",
  "font-src": "'self' data:",
};
