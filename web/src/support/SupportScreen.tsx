export function SupportScreen() {
  return <h1>SupportScreen</h1>;
}
