import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="panel">
      <h1>You do not have permission to do that</h1>
      <p>Your role does not allow this. If you think it should, ask an admin.</p>
      <p>
        <Link href="/dashboard">Back to the newsroom</Link>
      </p>
    </div>
  );
}
