// SPDX-License-Identifier: MIT
// The Checkpointer on a real SQLite file: what this process commits reaches the database file
// itself (not only the write-ahead log) without the writer checkpointing, the log stays bounded
// however long writes go on, and the thread does nothing while nothing is committed.
#include "checkpointer.h"
#include "modeltestsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QThread>

using namespace Subscriptor;
using namespace Subscriptor::Model;

namespace {

// Generous: a checkpoint is due MaxDelayMs after a commit, but a loaded CI machine may be slow.
// Never a timing assertion.
constexpr int CheckpointTimeoutMs = 15'000;
constexpr int PageSize = 4096;  // SQLite's default, which Database keeps
constexpr int FrameHeader = 24; // a WAL frame is its header and one page (sqlite.org/fileformat2.html)

} // namespace

class TestCheckpointer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void commitsReachTheDatabaseFile();
    void withoutItTheyStayInTheLog();
    void idleWithoutCommits();
    void logStaysBoundedUnderSustainedWrites();
    void restartsAfterStop();

private:
    void insertRows(int count, Checkpointer *checkpointer);
    /// Rows of `items` in a copy of the database file alone, without its log: what a checkpoint
    /// has copied into the file; -1 while the copy cannot be read (taken during a checkpoint).
    qint64 rowsInTheFileAlone();

    std::unique_ptr<TestSupport::TempDatabase> m_db;
    QTemporaryDir m_copies;
    int m_copy = 0;
};

void TestCheckpointer::init()
{
    m_db = std::make_unique<TestSupport::TempDatabase>();
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)")));
    // Everything so far into the file: each test starts with an empty log.
    QVERIFY(m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    QCOMPARE(rowsInTheFileAlone(), 0);
}

void TestCheckpointer::cleanup()
{
    m_db.reset();
}

void TestCheckpointer::insertRows(int count, Checkpointer *checkpointer)
{
    QSqlQuery query(m_db->database().connection());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO items (label) VALUES (?)")));
    for (int i = 0; i < count; ++i) {
        query.bindValue(0, QStringLiteral("item %1").arg(i));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        if (checkpointer)
            checkpointer->committed();
    }
}

qint64 TestCheckpointer::rowsInTheFileAlone()
{
    const QString copy = m_copies.filePath(QStringLiteral("copy-%1.sqlite3").arg(++m_copy));
    if (!QFile::copy(m_db->path(), copy))
        return -1;
    Database database(copy);
    if (!database.open())
        return -1;
    QSqlQuery query(database.connection());
    const qint64 rows = query.exec(QStringLiteral("SELECT count(*) FROM items")) && query.next() ? query.value(0).toLongLong() : -1;
    query.finish();
    database.closeConnection();
    return rows;
}

void TestCheckpointer::commitsReachTheDatabaseFile()
{
    Checkpointer checkpointer(m_db->database());
    checkpointer.start();
    insertRows(20, &checkpointer);
    // Far below the writer's own threshold (Database::WalBackstopPages): only the checkpointer
    // can have put them into the file.
    QTRY_COMPARE_WITH_TIMEOUT(rowsInTheFileAlone(), 20, CheckpointTimeoutMs);
    QVERIFY(checkpointer.checkpoints() >= 1);
}

void TestCheckpointer::withoutItTheyStayInTheLog()
{
    // The control of the test above: the same commits, no checkpointer, twice its delay later.
    insertRows(20, nullptr);
    QThread::msleep(2 * Checkpointer::MaxDelayMs);
    QCOMPARE(rowsInTheFileAlone(), 0);
    QCOMPARE(TestSupport::scalar(m_db->database(), QStringLiteral("SELECT count(*) FROM items")).toLongLong(), 20);
}

void TestCheckpointer::idleWithoutCommits()
{
    Checkpointer checkpointer(m_db->database());
    checkpointer.start();
    QThread::msleep(2 * Checkpointer::MaxDelayMs);
    QCOMPARE(checkpointer.checkpoints(), 0u);
    insertRows(1, &checkpointer);
    QTRY_COMPARE_WITH_TIMEOUT(checkpointer.checkpoints(), 1u, CheckpointTimeoutMs);
    // One commit, one checkpoint: it does not go on by itself.
    QThread::msleep(2 * Checkpointer::MaxDelayMs);
    QCOMPARE(checkpointer.checkpoints(), 1u);
    QCOMPARE(rowsInTheFileAlone(), 1);
}

void TestCheckpointer::logStaysBoundedUnderSustainedWrites()
{
    // Commits back to back never leave the passive checkpoints a moment in which the whole log is
    // copied, so only the writers' backstop resets it. While a passive checkpoint runs, the
    // writer's own is skipped (the checkpoint lock is taken) and the log grows by what is written
    // meanwhile: a few hundred pages here, over a thousand under AddressSanitizer. Unbounded, it
    // would reach one page per row, four times the backstop.
    Checkpointer checkpointer(m_db->database());
    checkpointer.start();
    constexpr int Rows = 4 * Database::WalBackstopPages;
    insertRows(Rows, &checkpointer);
    const qint64 logBytes = QFileInfo(m_db->path() + QLatin1String("-wal")).size();
    const qint64 bound = qint64(2 * Database::WalBackstopPages) * (PageSize + FrameHeader);
    QVERIFY2(logBytes <= bound, qPrintable(QStringLiteral("the log has %1 bytes, more than %2").arg(logBytes).arg(bound)));
    QTRY_COMPARE_WITH_TIMEOUT(rowsInTheFileAlone(), Rows, CheckpointTimeoutMs);
}

void TestCheckpointer::restartsAfterStop()
{
    Checkpointer checkpointer(m_db->database());
    checkpointer.start();
    checkpointer.stop();
    QVERIFY(!checkpointer.isRunning());
    insertRows(3, &checkpointer); // counted, not checkpointed
    checkpointer.start();
    QVERIFY(checkpointer.isRunning());
    insertRows(2, &checkpointer);
    QTRY_COMPARE_WITH_TIMEOUT(rowsInTheFileAlone(), 5, CheckpointTimeoutMs);
}

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "tst_checkpointer.moc"
