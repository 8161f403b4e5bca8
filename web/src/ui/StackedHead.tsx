/**
 * The head of a table stacked on a phone (ScrollTable `stacked`): its columns' names, in order,
 * with the explicit roles that CSS blocks would drop. A column not shown is given as false.
 */
export function StackedHead({ columns }: { columns: Array<string | false> }) {
  return (
    <thead role="rowgroup">
      <tr role="row">
        {columns.map(
          (column) =>
            column !== false && (
              <th scope="col" role="columnheader" key={column}>
                {column}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
