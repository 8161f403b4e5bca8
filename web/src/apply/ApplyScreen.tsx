export function ApplyScreen() {
  return <h1>ApplyScreen</h1>;
}
