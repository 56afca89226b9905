"""What people read: terminal tables, the HTML report pages, and the similarity report."""
