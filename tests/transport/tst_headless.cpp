// SPDX-License-Identifier: MIT
// `subscriptor --headless`: the process itself, started by QProcess. It says where it listens on
// one line; SIGTERM and SIGINT close every WebSocket with 1001 and exit 0; a port in use, a
// database it cannot open or a bad option give one line on stderr and a non-zero exit; SIGHUP
// reads the models again, so a table created meanwhile becomes a model with its own stream.
#include "transporttestsupport.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

namespace {

const QString Binary = QStringLiteral(SUBSCRIPTOR_BINARY);

/// The headless program on a database in a temporary directory.
class Headless final
{
public:
    Headless() : m_database(m_dir.filePath(QStringLiteral("headless.sqlite3")))
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false;*.info=false"));
        m_process.setProcessEnvironment(environment);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_stdout += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                         [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~Headless()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(Timeout);
        }
    }
    Q_DISABLE_COPY_MOVE(Headless)

    const QString &database() const { return m_database; }
    QString directory() const { return m_dir.path(); }

    /// Starts with `--headless --db <file> --port 0` and `extra`; true once it says where it listens.
    bool start(const QStringList &extra = {}, bool withDefaults = true)
    {
        QStringList arguments = extra;
        if (withDefaults)
            arguments = QStringList{QStringLiteral("--headless"), QStringLiteral("--db"), m_database, QStringLiteral("--port"),
                                    QStringLiteral("0")} + extra;
        m_process.start(Binary, arguments);
        if (!m_process.waitForStarted(Timeout))
            return false;
        waitFor([this] { return m_stdout.contains('\n') || m_process.state() == QProcess::NotRunning; });
        static const QRegularExpression line(QStringLiteral("^listening (ws://127\\.0\\.0\\.1:\\d+/\\S*)\n$"));
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(m_stdout));
        if (!match.hasMatch())
            return false;
        m_url = QUrl(match.captured(1));
        return true;
    }
    /// Waits for the process to end; its exit code, or -1 when it crashed or did not end.
    int waitForExit()
    {
        if (!waitFor([this] { return m_process.state() == QProcess::NotRunning; }))
            return -1;
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    QUrl webSocketUrl() const { return m_url; }
    QUrl httpUrl() const
    {
        QUrl url = m_url;
        url.setScheme(QStringLiteral("http"));
        return url;
    }
    const QByteArray &standardOutput() const { return m_stdout; }
    const QByteArray &standardError() const { return m_stderr; }
    bool waitForError(const QByteArray &text)
    {
        return waitFor([&] { return m_stderr.contains(text); });
    }

private:
    QTemporaryDir m_dir;
    QString m_database;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QUrl m_url;
};

bool sqlite(const QString &database, const QString &sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-cmd"), QStringLiteral(".timeout 10000"), database, sql});
    const bool ok = shell.waitForFinished(Timeout) && shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
    if (!ok)
        qWarning("sqlite3 failed: %s", shell.readAllStandardError().constData());
    return ok;
}

bool seedSubscribe(HttpClient &http, const QUrl &url, WsClient &client, const QString &field, const QString &action)
{
    const HttpReply reply = http.graphql(url, QStringLiteral("subscription ($c: String!) { %1(channelId: $c, action: %2, "
                                                             "operation: SUBSCRIBE) { ok error } }").arg(field, action),
                                         {{QStringLiteral("c"), client.channelId()}});
    if (!reply.json().value(QLatin1String("data")).toObject().value(field).toObject().value(QLatin1String("ok")).toBool()) {
        qWarning("subscribe failed: %s", reply.body.constData());
        return false;
    }
    return !client.next().isEmpty(); // the ack
}

} // namespace

class TestHeadless final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listeningLine();
    void customPathAndHost();
    void terminate_data();
    void terminate();
    void terminateWithoutClients();
    void portInUse();
    void unusableDatabase_data();
    void unusableDatabase();
    void badOption_data();
    void badOption();
    void reloadPicksUpNewTable();
    void failedReloadKeepsServing();
    void printSchema();
};

void TestHeadless::listeningLine()
{
    Headless server;
    QVERIFY2(server.start(), server.standardOutput().constData());
    QCOMPARE(server.webSocketUrl().path(), QStringLiteral("/graphql"));
    QVERIFY(server.webSocketUrl().port() > 0);
    HttpClient http;
    const HttpReply reply = http.graphql(server.httpUrl(), QStringLiteral("{ user(id: 5) { username } }"));
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"user": {"username": "meaghan90"}}})")));
    WsClient client;
    QVERIFY(client.openSeed(server.webSocketUrl()));
    QVERIFY(server.isRunning());
    QCOMPARE(server.standardError(), QByteArray());
}

void TestHeadless::customPathAndHost()
{
    Headless server;
    QVERIFY(server.start({QStringLiteral("--path"), QStringLiteral("/core"), QStringLiteral("--host"), QStringLiteral("127.0.0.1")}));
    QCOMPARE(server.webSocketUrl().path(), QStringLiteral("/core"));
    WsClient client;
    QVERIFY(client.openSeed(server.webSocketUrl()));
}

void TestHeadless::terminate_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

// Clients see 1001 Going Away (not a dropped connection) and the program exits 0.
void TestHeadless::terminate()
{
    QFETCH(int, signal);
    Headless server;
    QVERIFY(server.start());
    HttpClient http;
    WsClient first;
    WsClient second;
    QVERIFY(first.openSeed(server.webSocketUrl()));
    QVERIFY(second.openSeed(server.webSocketUrl()));
    QVERIFY(seedSubscribe(http, server.httpUrl(), first, QStringLiteral("userSubscription"), QStringLiteral("ALL_ACTIONS")));

    server.signal(signal);
    QVERIFY(first.waitForDisconnected());
    QVERIFY(second.waitForDisconnected());
    QCOMPARE(first.closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QCOMPARE(second.closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));
    QCOMPARE(server.waitForExit(), 0);
    QCOMPARE(server.standardError(), QByteArray());
    // Nobody listens there any more.
    QTcpSocket probe;
    probe.setProxy(QNetworkProxy::NoProxy);
    probe.connectToHost(QHostAddress::LocalHost, quint16(server.webSocketUrl().port()));
    QVERIFY(!probe.waitForConnected(Timeout));
}

void TestHeadless::terminateWithoutClients()
{
    Headless server;
    QVERIFY(server.start());
    server.signal(SIGTERM);
    QCOMPARE(server.waitForExit(), 0);
}

void TestHeadless::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    Headless server;
    QVERIFY(!server.start({QStringLiteral("--port"), QString::number(occupant.serverPort())}));
    QVERIFY(server.waitForExit() > 0);
    const QByteArray error = server.standardError();
    QCOMPARE(error.count('\n'), 1);
    QVERIFY2(error.startsWith(QByteArray("subscriptor: cannot listen on 127.0.0.1:" + QByteArray::number(occupant.serverPort()))), error.constData());
    QVERIFY(!server.standardOutput().contains("listening"));
}

void TestHeadless::unusableDatabase_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("a directory") << "directory" << QByteArray("cannot open the database");
    QTest::newRow("in a directory that does not exist") << "missing directory" << QByteArray("cannot open the database");
    QTest::newRow("a file that is not a database") << "garbage" << QByteArray("file is not a database");
    QTest::newRow("a file it may not read") << "no permission" << QByteArray("database");
}

void TestHeadless::unusableDatabase()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, error);

    Headless server;
    QString path = server.directory();
    if (kind == QLatin1String("missing directory")) {
        path += QStringLiteral("/missing/subscriptor.sqlite3");
    } else if (kind == QLatin1String("garbage") || kind == QLatin1String("no permission")) {
        path += QStringLiteral("/unusable.sqlite3");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'g'));
        file.close();
        if (kind == QLatin1String("no permission")) {
            if (::geteuid() == 0)
                QSKIP("root reads any file: permissions cannot make a database unreadable");
            QVERIFY(file.setPermissions(QFileDevice::Permissions()));
        }
    }
    QVERIFY(!server.start({QStringLiteral("--headless"), QStringLiteral("--db"), path, QStringLiteral("--port"), QStringLiteral("0")}, false));
    QVERIFY(server.waitForExit() > 0);
    const QByteArray text = server.standardError();
    QCOMPARE(text.count('\n'), 1);
    QVERIFY2(text.startsWith("subscriptor: ") && text.contains(error), text.constData());
    QVERIFY(!server.standardOutput().contains("listening"));
}

void TestHeadless::badOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("an unknown option") << QStringList{QStringLiteral("--bogus")} << QByteArray("bogus");
    QTest::newRow("a port too large") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QByteArray("--port");
    QTest::newRow("a port that is not a number") << QStringList{QStringLiteral("--port"), QStringLiteral("http")} << QByteArray("--port");
    QTest::newRow("a host that is not an address") << QStringList{QStringLiteral("--host"), QStringLiteral("example.org")} << QByteArray("--host");
    QTest::newRow("a path without /") << QStringList{QStringLiteral("--path"), QStringLiteral("graphql")} << QByteArray("--path");
    QTest::newRow("a missing value") << QStringList{QStringLiteral("--port")} << QByteArray("port");
    QTest::newRow("an argument that is not an option") << QStringList{QStringLiteral("server.db")} << QByteArray("server.db");
    QTest::newRow("no connections allowed") << QStringList{QStringLiteral("--max-connections"), QStringLiteral("0")}
                                            << QByteArray("--max-connections");
}

void TestHeadless::badOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, error);

    Headless server;
    QVERIFY(!server.start(QStringList{QStringLiteral("--headless"), QStringLiteral("--db"), server.database()} + arguments, false));
    QCOMPARE(server.waitForExit(), 2);
    const QByteArray text = server.standardError();
    QCOMPARE(text.count('\n'), 1);
    QVERIFY2(text.startsWith("subscriptor: ") && text.contains(error) && text.contains("(see --help)"), text.constData());
    QVERIFY(!QFile::exists(server.database())); // nothing was created
}

// SIGHUP: a table made meanwhile (by another program) becomes a model, with queries, a seed
// stream and notifications; subscriptions made before the reload go on.
void TestHeadless::reloadPicksUpNewTable()
{
    Headless server;
    QVERIFY(server.start());
    HttpClient http;
    WsClient before;
    QVERIFY(before.openSeed(server.webSocketUrl()));
    QVERIFY(seedSubscribe(http, server.httpUrl(), before, QStringLiteral("userSubscription"), QStringLiteral("UPDATE")));
    QCOMPARE(http.graphql(server.httpUrl(), QStringLiteral("{ allProducts { totalCount } }")).status, 400);

    QVERIFY(sqlite(server.database(), QStringLiteral("CREATE TABLE shop_product (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                                     "name VARCHAR(100) NOT NULL, price REAL NOT NULL DEFAULT 0);")));
    server.signal(SIGHUP);
    QVERIFY(server.waitForError("subscriptor: models reloaded\n"));
    HttpReply reply = http.graphql(server.httpUrl(), QStringLiteral("{ allProducts { totalCount } }"));
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"allProducts": {"totalCount": 0}}})")));

    WsClient after;
    QVERIFY(after.openSeed(server.webSocketUrl()));
    QVERIFY(seedSubscribe(http, server.httpUrl(), after, QStringLiteral("productSubscription"), QStringLiteral("ALL_ACTIONS")));
    QVERIFY(sqlite(server.database(), QStringLiteral("INSERT INTO shop_product (name, price) VALUES ('lamp', 12.5);")));
    QCOMPARE(after.next(), QStringLiteral(R"({"stream": "products", "payload": {"action": "create", "data": {"id": 1, "name": "lamp", "price": 12.5}, "model": "shop.product"}})"));
    reply = http.graphql(server.httpUrl(), QStringLiteral("mutation { productUpdate(newProduct: {id: 1, name: \"desk lamp\"}) { ok } }"));
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"productUpdate": {"ok": true}}})")));
    QCOMPARE(after.next(), QStringLiteral(R"({"stream": "products", "payload": {"action": "update", "data": {"id": 1, "name": "desk lamp", "price": 12.5}, "model": "shop.product"}})"));

    QVERIFY(sqlite(server.database(), QStringLiteral("UPDATE auth_user SET email = 'after@example.org' WHERE id = 2;")));
    QVERIFY(before.next().contains(QLatin1String(R"("email": "after@example.org")")));
    QVERIFY(server.isRunning());
}

// A reload that fails (the models file broke) says why on one line and keeps serving the old models.
void TestHeadless::failedReloadKeepsServing()
{
    Headless server;
    const QString models = server.directory() + QStringLiteral("/models.json");
    QFile file(models);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"models": {"auth_user": {"stream": "people"}}})");
    file.close();
    QVERIFY(server.start({QStringLiteral("--models"), models}));
    HttpClient http;
    WsClient client;
    QVERIFY(client.openSeed(server.webSocketUrl()));
    QVERIFY(seedSubscribe(http, server.httpUrl(), client, QStringLiteral("userSubscription"), QStringLiteral("UPDATE")));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    server.signal(SIGHUP);
    QVERIFY(waitFor([&] { return server.standardError().count('\n') >= 1; }));
    QVERIFY2(server.standardError().startsWith("subscriptor: ") && !server.standardError().contains("reloaded"),
             server.standardError().constData());
    QVERIFY(server.isRunning());
    QVERIFY(sqlite(server.database(), QStringLiteral("UPDATE auth_user SET email = 'still@example.org' WHERE id = 3;")));
    QVERIFY(client.next().startsWith(QLatin1String(R"({"stream": "people", "payload": {"action": "update")")));
}

void TestHeadless::printSchema()
{
    Headless server;
    QProcess process;
    process.start(Binary, {QStringLiteral("--print-schema"), QStringLiteral("--db"), server.database()});
    QVERIFY(process.waitForFinished(Timeout));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray sdl = process.readAllStandardOutput();
    // The arguments, in the original's order (reference/seed-protocol.md §5), with their descriptions between them.
    const qsizetype field = sdl.indexOf("  userSubscription(\n");
    QVERIFY(field > 0);
    const QByteArray arguments = sdl.mid(field, sdl.indexOf("): UserSubscription\n", field) - field);
    qsizetype at = 0;
    for (const char *argument : {"channelId: String!\n", "action: ActionSubscriptionEnum!\n", "operation: OperationSubscriptionEnum!\n",
                                 "id: ID\n", "data: [UserFields]\n"}) {
        const qsizetype next = arguments.indexOf(argument, at);
        QVERIFY2(next > at, argument);
        at = next;
    }
    QVERIFY(sdl.contains("enum ActionSubscriptionEnum"));
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
