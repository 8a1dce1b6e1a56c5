/** The header row of a table: one column a heading (an empty string leaves it blank). */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i}>{column || null}</th>
        ))}
      </tr>
    </thead>
  );
}
