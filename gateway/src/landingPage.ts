import type { ApolloServerPlugin } from "@apollo/server";
import { SAMPLE_FAMILY_QUERY } from "./sampleQuery";

/**
 * A small query page served by the gateway itself, so it works with no internet (Apollo's own
 * landing pages load from a CDN). Sign in, write a query, run it.
 */
const PAGE = `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Family record gateway</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:1100px}textarea,input{font-family:ui-monospace,monospace;font-size:13px;width:100%;box-sizing:border-box}
textarea{height:16rem}pre{background:#f4f4f4;padding:1rem;overflow:auto;max-height:30rem}.row{display:flex;gap:1rem}.row>div{flex:1}button{padding:.4rem 1rem;margin:.4rem 0}
</style></head><body>
<h1>Family record — unified GraphQL gateway</h1>
<div class="row"><div><label>National ID <input id="nid" value="1000000016"></label></div>
<div><label>Password <input id="pwd" type="password" value="demo-password"></label></div>
<div><label>Accept-Language <input id="lang" value="en"></label></div></div>
<button id="login">Sign in</button> <span id="who"></span>
<p><label>Query<textarea id="query">${SAMPLE_FAMILY_QUERY}</textarea></label></p>
<p><label>Variables (JSON)<input id="vars" value="{}"></label></p>
<button id="run">Run</button><pre id="out"></pre>
<script>
let token = "";
const $ = (id) => document.getElementById(id);
async function call(query, variables) {
  const headers = { "content-type": "application/json", "accept-language": $("lang").value };
  if (token) headers.authorization = "Bearer " + token;
  const res = await fetch(location.pathname, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}
$("login").onclick = async () => {
  const r = await call("mutation($id: ID!, $pw: String!) { login(nationalId: $id, password: $pw) { accessToken roles } }", { id: $("nid").value, pw: $("pwd").value });
  token = r.data ? r.data.login.accessToken : "";
  $("who").textContent = r.data ? "Signed in: " + r.data.login.roles.join(", ") : JSON.stringify(r.errors);
};
$("run").onclick = async () => {
  $("out").textContent = JSON.stringify(await call($("query").value, JSON.parse($("vars").value || "{}")), null, 2);
};
</script></body></html>`;

export function offlineLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { async renderLandingPage() { return { html: PAGE }; } };
    },
  };
}
