export function ReviewScreen() {
  return <h1>ReviewScreen</h1>;
}
