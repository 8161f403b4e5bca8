export function PickupsScreen() {
  return <h1>PickupsScreen</h1>;
}
