"""The story index: statements (each sentence with what the judges need of it), their
concepts and origins, and the bounded candidate look-ups. Below resolve/ and analyze/."""
