INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (1, 'admin', 'Ada', 'Lovelace', 'ada@example.com', 1);
INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (2, 'grace', 'Grace', 'Hopper', 'grace@example.com', 0);
INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (3, 'linus', 'Linus', 'Torvalds', 'linus@example.com', 0);
INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (4, 'margaret', 'Margaret', 'Hamilton', 'margaret@example.com', 0);
INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (5, 'meaghan90', 'Meaghan', 'Ackerman', 'meaghan@gmail.com', 0);
INSERT INTO auth_user (id, username, first_name, last_name, email, is_superuser) VALUES (6, 'john', 'Dacia', 'Doe', '', 0);
INSERT INTO auth_group (id, name) VALUES (1, 'editors');
INSERT INTO auth_group (id, name) VALUES (2, 'reviewers');
