// SPDX-License-Identifier: MIT
// The notification log panel, fed by real client connections of the workbench talking to the real
// embedded server: a row edit through the server's ModelStore shows as a notification with the
// right fields; the filters (text, kind, connection, model); pause and resume; clear, then export
// (NDJSON and CSV, read back: the cleared entries are still there); the detail pane's pretty JSON;
// autoscroll that stops when the user scrolls up.
#include "jsonformatter.h"
#include "logfiltermodel.h"
#include "notificationlogpanel.h"
#include "uitestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>

#include <set>

using namespace Subscriptor;
using namespace Subscriptor::Ui;
using namespace Subscriptor::UiTest;

Q_DECLARE_METATYPE(Subscriptor::Client::Protocol)

namespace {

constexpr int ScrollBatch = 120; // notifications enough to scroll a 400-pixel table several times

// A CSV file as RFC 4180 reads it: quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace

class TestNotificationLogPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void notificationShowsItsFields_data();
    void notificationShowsItsFields();
    void filters_data();
    void filters();
    void pauseHoldsFramesBackUntilResumed();
    void clearThenExport_data();
    void clearThenExport();
    void detailPaneShowsPrettyJson();
    void autoscrollStopsWhenScrolledUp();
    void retentionDropsTheOldest();

private:
    /// A seed connection on users, a graphql-transport-ws one on groups (and one invalid
    /// subscription, for an error frame), then one change of each model, all in the log.
    void makeTraffic();
    int addReadyConnection(Client::Protocol protocol);
    /// Renames user 5 `count` times in one server-thread job.
    bool renameUserTimes(int count, const QString &prefix);
    int viewRows() const { return m_panel->filter()->rowCount(); }
    template<typename T>
    T *child(const char *name) const
    {
        return m_panel->findChild<T *>(QString::fromLatin1(name));
    }

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_database;
    std::unique_ptr<Workbench> m_workbench;
    std::unique_ptr<NotificationLogPanel> m_panel;
    int m_seed = 0;
    int m_transport = 0;
};

void TestNotificationLogPanel::initTestCase()
{
    QVERIFY(m_settings.isValid());
    isolateSettings(m_settings.path(), QStringLiteral("tst_notificationlogpanel"));
}

void TestNotificationLogPanel::init()
{
    m_database = std::make_unique<QTemporaryDir>();
    m_workbench = std::make_unique<Workbench>();
    m_panel = std::make_unique<NotificationLogPanel>(*m_workbench);
    m_panel->resize(1000, 400);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(startServer(*m_workbench, demoConfig(m_database->path())));
}

void TestNotificationLogPanel::cleanup()
{
    m_panel.reset();
    m_workbench.reset();
    m_database.reset();
    m_seed = m_transport = 0;
}

int TestNotificationLogPanel::addReadyConnection(Client::Protocol protocol)
{
    const WorkbenchConnection connection = m_workbench->addConnection(protocol);
    if (!waitReady(connection.client))
        qWarning("connection %d did not become ready", connection.number);
    return connection.number;
}

void TestNotificationLogPanel::makeTraffic()
{
    Server &server = m_workbench->server();
    m_seed = addReadyConnection(Client::Protocol::Seed);
    m_transport = addReadyConnection(Client::Protocol::TransportWs);
    QVERIFY(!subscribe(server, m_workbench->connection(m_seed), QStringLiteral("auth.user")).isEmpty());
    QVERIFY(!subscribe(server, m_workbench->connection(m_transport), QStringLiteral("auth.group")).isEmpty());
    QSignalSpy errors(m_workbench->connection(m_transport), &Client::ClientConnection::operationError);
    m_workbench->connection(m_transport)->send(QStringLiteral("subscription { noSuchChanges { action } }"));
    QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, Timeout);
    QVERIFY(renameUser(server, 5, QStringLiteral("Logged")));
    QVERIFY(renameGroup(server, 1, QStringLiteral("Logged group")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), m_seed).size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), m_transport).size(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(qsizetype(viewRows()), m_workbench->log().retainedCount(), Timeout);
}

bool TestNotificationLogPanel::renameUserTimes(int count, const QString &prefix)
{
    const auto written = callCore(m_workbench->server(), [count, prefix](ServerCore &core) {
        const Model::ModelPtr model = core.backend().catalog()->modelByLabel(QStringLiteral("auth.user"));
        int done = 0;
        for (int i = 0; i < count; ++i) {
            const Model::WriteResult result = core.backend().store().update(
                *model, GraphQL::ObjectBuilder(2).append("id", 5).append("first_name", QString(prefix + QString::number(i))).build());
            done += result.ok ? 1 : 0;
        }
        return done;
    });
    return written == count;
}

void TestNotificationLogPanel::notificationShowsItsFields_data()
{
    QTest::addColumn<Client::Protocol>("protocol");
    QTest::addColumn<QString>("type");
    QTest::newRow("seed") << Client::Protocol::Seed << QStringLiteral("notification");
    QTest::newRow("graphql-transport-ws") << Client::Protocol::TransportWs << QStringLiteral("next");
    QTest::newRow("graphql-ws") << Client::Protocol::LegacyWs << QStringLiteral("data");
}

void TestNotificationLogPanel::notificationShowsItsFields()
{
    QFETCH(Client::Protocol, protocol);
    QFETCH(QString, type);
    const int number = addReadyConnection(protocol);
    QVERIFY(!subscribe(m_workbench->server(), m_workbench->connection(number), QStringLiteral("auth.user")).isEmpty());
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("Fields")));

    // The row, as the table shows it.
    const QAbstractItemModel *view = m_panel->view()->model();
    QTRY_COMPARE_WITH_TIMEOUT(rowsShowing(view, NotificationLogModel::Type, type), 1, Timeout);
    int row = 0;
    while (view->index(row, NotificationLogModel::Type).data().toString() != type)
        ++row;
    const auto cell = [view, row](int column) { return view->index(row, column).data().toString(); };
    QCOMPARE(cell(NotificationLogModel::Direction), QStringLiteral("↓ received"));
    QCOMPARE(cell(NotificationLogModel::Connection), m_workbench->connections().constLast().name);
    QCOMPARE(cell(NotificationLogModel::Protocol), Client::protocolName(protocol));
    QCOMPARE(cell(NotificationLogModel::Stream), QStringLiteral("users"));
    QCOMPARE(cell(NotificationLogModel::Action), QStringLiteral("update"));
    QCOMPARE(cell(NotificationLogModel::Row), QStringLiteral("5"));
    QVERIFY(cell(NotificationLogModel::Size).toInt() > 0);
    QVERIFY(!cell(NotificationLogModel::Time).isEmpty());
    if (protocol != Client::Protocol::Seed)
        QVERIFY(cell(NotificationLogModel::Seq).toLongLong() > 0); // from the result's extensions
    QCOMPARE(view->index(row, 0).data(NotificationLogModel::EntryModelRole).toString(), QStringLiteral("auth.user"));
    QVERIFY(view->index(row, 0).data(NotificationLogModel::EntryTextRole).toString().contains(QLatin1String("Fields")));
    // The count line follows.
    const auto countLine = [this] {
        for (const QLabel *label : m_panel->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral(" shown · ")))
                return label->text();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(countLine().startsWith(QString::number(viewRows()) + QLatin1String(" shown")), Timeout);
}

void TestNotificationLogPanel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("connection"); // seed, transport or empty
    QTest::addColumn<QString>("model");
    QTest::addColumn<QStringList>("types"); // the distinct types left, sorted

    // The seed connection's subscription is acknowledged on its WebSocket too ("ack",
    // reference/seed-protocol.md §2.3), besides the reply to its GraphQL request.
    const int all = int(LogFilterModel::Kind::All);
    QTest::newRow("none") << QString() << all << QString() << QString()
                          << QStringList{QStringLiteral("ack"), QStringLiteral("connect"), QStringLiteral("connection_ack"),
                                         QStringLiteral("connection_init"), QStringLiteral("error"), QStringLiteral("next"),
                                         QStringLiteral("notification"), QStringLiteral("reply"), QStringLiteral("request"),
                                         QStringLiteral("subscribe")};
    QTest::newRow("text") << QStringLiteral("MEAGHAN90") << all << QString() << QString() << QStringList{QStringLiteral("notification")};
    QTest::newRow("kind notifications") << QString() << int(LogFilterModel::Kind::Notifications) << QString() << QString()
                                        << QStringList{QStringLiteral("next"), QStringLiteral("notification")};
    QTest::newRow("kind sent") << QString() << int(LogFilterModel::Kind::Sent) << QString() << QString()
                               << QStringList{QStringLiteral("connection_init"), QStringLiteral("request"), QStringLiteral("subscribe")};
    QTest::newRow("kind errors") << QString() << int(LogFilterModel::Kind::Errors) << QString() << QString()
                                 << QStringList{QStringLiteral("error")};
    QTest::newRow("kind protocol messages")
        << QString() << int(LogFilterModel::Kind::ProtocolMessages) << QString() << QString()
        << QStringList{QStringLiteral("ack"), QStringLiteral("connect"), QStringLiteral("connection_ack"),
                       QStringLiteral("connection_init"), QStringLiteral("error"), QStringLiteral("reply"),
                       QStringLiteral("request"), QStringLiteral("subscribe")};
    QTest::newRow("connection") << QString() << all << QStringLiteral("transport") << QString()
                                << QStringList{QStringLiteral("connection_ack"), QStringLiteral("connection_init"), QStringLiteral("error"),
                                               QStringLiteral("next"), QStringLiteral("subscribe")};
    QTest::newRow("model auth.user") << QString() << all << QString() << QStringLiteral("auth.user")
                                     << QStringList{QStringLiteral("notification")};
    QTest::newRow("model auth.group") << QString() << all << QString() << QStringLiteral("auth.group")
                                      << QStringList{QStringLiteral("next")};
    // The error of the unknown field suggests groupChanges: its frame has the text too.
    QTest::newRow("text and connection") << QStringLiteral("groupChanges") << all << QStringLiteral("transport") << QString()
                                         << QStringList{QStringLiteral("error"), QStringLiteral("next"), QStringLiteral("subscribe")};
    QTest::newRow("kind and model") << QString() << int(LogFilterModel::Kind::Notifications) << QString()
                                    << QStringLiteral("auth.group") << QStringList{QStringLiteral("next")};
    QTest::newRow("nothing matches") << QStringLiteral("no frame says this") << all << QString() << QString() << QStringList();
}

void TestNotificationLogPanel::filters()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, connection);
    QFETCH(QString, model);
    QFETCH(QStringList, types);
    makeTraffic();
    const int connectionNumber = connection == QLatin1String("seed") ? m_seed : connection == QLatin1String("transport") ? m_transport : 0;

    // Through the panel's own widgets.
    QTest::keyClicks(child<QLineEdit>("logFilterText"), text);
    auto *kindBox = child<QComboBox>("logFilterKind");
    kindBox->setCurrentIndex(kindBox->findData(kind));
    auto *connectionBox = child<QComboBox>("logFilterConnection");
    QVERIFY(connectionBox->findData(connectionNumber) >= 0);
    connectionBox->setCurrentIndex(connectionBox->findData(connectionNumber));
    auto *modelBox = child<QComboBox>("logFilterModel");
    QVERIFY(modelBox->findData(model) >= 0);
    modelBox->setCurrentIndex(modelBox->findData(model));

    const QAbstractItemModel *view = m_panel->view()->model();
    std::set<QString> shown;
    for (int row = 0; row < view->rowCount(); ++row) {
        const QModelIndex index = view->index(row, 0);
        shown.insert(index.data(NotificationLogModel::EntryTypeRole).toString());
        // Every row shown satisfies every filter.
        if (!text.isEmpty())
            QVERIFY(index.data(NotificationLogModel::EntryTextRole).toString().contains(text, Qt::CaseInsensitive));
        if (connectionNumber != 0)
            QCOMPARE(index.data(NotificationLogModel::EntryConnectionRole).toInt(), connectionNumber);
        if (!model.isEmpty())
            QCOMPARE(index.data(NotificationLogModel::EntryModelRole).toString(), model);
    }
    const QStringList shownTypes(shown.cbegin(), shown.cend());
    QVERIFY2(shownTypes == types, qPrintable(QLatin1String("shown: ") + shownTypes.join(u' ') + QLatin1String("; expected: ")
                                             + types.join(u' ')));

    // Back to no filter: everything is there again.
    child<QLineEdit>("logFilterText")->clear();
    kindBox->setCurrentIndex(0);
    connectionBox->setCurrentIndex(0);
    modelBox->setCurrentIndex(0);
    QCOMPARE(qsizetype(view->rowCount()), m_workbench->log().retainedCount());
}

void TestNotificationLogPanel::pauseHoldsFramesBackUntilResumed()
{
    makeTraffic();
    NotificationLogModel &log = m_workbench->log();
    const int before = viewRows();
    auto *pause = child<QToolButton>("logPause");
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(pause->isChecked());
    QVERIFY(log.isPaused());

    const qsizetype retained = log.retainedCount();
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("While paused")));
    QTRY_COMPARE_WITH_TIMEOUT(log.retainedCount(), retained + 1, Timeout); // taken in…
    log.flush();
    QCOMPARE(viewRows(), before); // …but held back from the table

    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!log.isPaused());
    QTRY_COMPARE_WITH_TIMEOUT(viewRows(), before + 1, Timeout);
    const QAbstractItemModel *view = m_panel->view()->model();
    QVERIFY(view->index(viewRows() - 1, 0).data(NotificationLogModel::EntryTextRole).toString().contains(QLatin1String("While paused")));
}

void TestNotificationLogPanel::clearThenExport_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("ndjson") << QStringLiteral("log.ndjson");
    QTest::newRow("csv") << QStringLiteral("log.csv");
}

void TestNotificationLogPanel::clearThenExport()
{
    QFETCH(QString, fileName);
    makeTraffic();
    NotificationLogModel &log = m_workbench->log();
    const qsizetype beforeClear = log.retainedCount();
    QTest::mouseClick(child<QToolButton>("logClear"), Qt::LeftButton);
    QCOMPARE(viewRows(), 0);
    QCOMPARE(log.retainedCount(), beforeClear);
    QVERIFY(renameUser(m_workbench->server(), 5, QStringLiteral("After clear")));
    QTRY_COMPARE_WITH_TIMEOUT(viewRows(), 1, Timeout);

    const QString path = m_database->filePath(fileName);
    const qsizetype written = m_panel->exportTo(path);
    QCOMPARE(written, beforeClear + 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    // Fields of every entry, oldest first, whichever the format.
    QList<QHash<QString, QString>> entries;
    if (fileName.endsWith(QLatin1String(".ndjson"))) {
        const QList<QByteArray> lines = bytes.split('\n');
        QCOMPARE(lines.constLast(), QByteArray()); // every line ends with a newline
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QJsonParseError error;
            const QJsonObject object = QJsonDocument::fromJson(lines[i], &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, lines[i].constData());
            QHash<QString, QString> fields;
            for (auto it = object.begin(); it != object.end(); ++it)
                fields.insert(it.key(), it.value().isDouble() ? QString::number(it.value().toInteger()) : it.value().toString());
            entries.append(fields);
        }
    } else {
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes));
        QVERIFY(!records.isEmpty());
        const QStringList header = records.first();
        QCOMPARE(header, QStringLiteral("number,time,direction,connection,protocol,type,stream,action,row,seq,latency_ms,size,frame")
                             .split(u','));
        for (qsizetype i = 1; i < records.size(); ++i) {
            QCOMPARE(records[i].size(), header.size());
            QHash<QString, QString> fields;
            for (qsizetype column = 0; column < header.size(); ++column)
                fields.insert(header[column], records[i][column]);
            entries.append(fields);
        }
    }
    QCOMPARE(entries.size(), written);
    for (qsizetype i = 0; i < entries.size(); ++i)
        QCOMPARE(entries[i].value(QStringLiteral("number")).toLongLong(), qlonglong(i + 1));

    // The notification from before the clear is there, with its fields and its frame as sent.
    const auto found = std::find_if(entries.cbegin(), entries.cend(), [](const QHash<QString, QString> &entry) {
        return entry.value(QStringLiteral("type")) == QLatin1String("notification")
            && entry.value(QStringLiteral("frame")).contains(QLatin1String("Logged"));
    });
    QVERIFY(found != entries.cend());
    QCOMPARE(found->value(QStringLiteral("stream")), QStringLiteral("users"));
    QCOMPARE(found->value(QStringLiteral("action")), QStringLiteral("update"));
    QCOMPARE(found->value(QStringLiteral("row")), QStringLiteral("5"));
    QCOMPARE(found->value(QStringLiteral("protocol")), QStringLiteral("seed"));
    QCOMPARE(found->value(QStringLiteral("direction")), QStringLiteral("received"));
    QCOMPARE(found->value(QStringLiteral("connection")), m_workbench->connections().first().name);
    QVERIFY(QJsonDocument::fromJson(found->value(QStringLiteral("frame")).toUtf8()).isObject());
    // And the one after it, last.
    QVERIFY(entries.constLast().value(QStringLiteral("frame")).contains(QLatin1String("After clear")));
}

void TestNotificationLogPanel::detailPaneShowsPrettyJson()
{
    makeTraffic();
    QSignalSpy selected(m_panel.get(), &NotificationLogPanel::notificationSelected);
    QTableView *view = m_panel->view();
    int row = 0;
    while (view->model()->index(row, NotificationLogModel::Type).data().toString() != QLatin1String("notification"))
        ++row;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(row, 1)).center());

    const QString frame = view->model()->index(row, 0).data(NotificationLogModel::EntryTextRole).toString();
    const QString detail = child<QPlainTextEdit>("logDetail")->toPlainText();
    QCOMPARE(detail, prettyJson(frame));
    QVERIFY2(detail.count(u'\n') >= 5, qPrintable(detail)); // one member a line…
    QVERIFY2(detail.contains(QLatin1String("\n  \"payload\": {\n    ")), qPrintable(detail)); // …indented
    QCOMPARE(QJsonDocument::fromJson(detail.toUtf8()), QJsonDocument::fromJson(frame.toUtf8()));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().at(0).toString(), QStringLiteral("users"));
    QCOMPARE(selected.first().at(1).toString(), QStringLiteral("5"));

    // A protocol message shows too, but names no row.
    row = 0;
    while (view->model()->index(row, NotificationLogModel::Type).data().toString() != QLatin1String("connection_ack"))
        ++row;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(row, 1)).center());
    QVERIFY(child<QPlainTextEdit>("logDetail")->toPlainText().contains(QLatin1String("\"type\": \"connection_ack\"")));
    QCOMPARE(selected.size(), 1);
}

void TestNotificationLogPanel::autoscrollStopsWhenScrolledUp()
{
    const int number = addReadyConnection(Client::Protocol::TransportWs);
    QVERIFY(!subscribe(m_workbench->server(), m_workbench->connection(number), QStringLiteral("auth.user")).isEmpty());
    QScrollBar *bar = m_panel->view()->verticalScrollBar();

    // Following: the newest row stays in sight.
    QVERIFY(renameUserTimes(ScrollBatch, QStringLiteral("first")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), number).size(), ScrollBatch, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), Timeout);
    QVERIFY(m_panel->autoscroll());

    // Scrolled up: it stays where the user put it while more arrive.
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!m_panel->autoscroll());
    const int rows = viewRows();
    QVERIFY(renameUserTimes(ScrollBatch, QStringLiteral("second")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), number).size(), 2 * ScrollBatch, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(viewRows() >= rows + ScrollBatch, Timeout);
    QCOMPARE(bar->value(), 0);
    QVERIFY(bar->maximum() > 0);
    QVERIFY(!m_panel->autoscroll());

    // Back at the bottom: following again.
    bar->triggerAction(QAbstractSlider::SliderToMaximum);
    QVERIFY(m_panel->autoscroll());
    QVERIFY(renameUserTimes(ScrollBatch, QStringLiteral("third")));
    QTRY_COMPARE_WITH_TIMEOUT(notificationsOf(m_workbench->log(), number).size(), 3 * ScrollBatch, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() == bar->maximum(), Timeout);
    const QModelIndex last = m_panel->view()->model()->index(viewRows() - 1, 0);
    QVERIFY(m_panel->view()->viewport()->rect().intersects(m_panel->view()->visualRect(last)));
}

void TestNotificationLogPanel::retentionDropsTheOldest()
{
    const int number = addReadyConnection(Client::Protocol::Seed);
    QVERIFY(!subscribe(m_workbench->server(), m_workbench->connection(number), QStringLiteral("auth.user")).isEmpty());
    NotificationLogModel &log = m_workbench->log();
    log.setRetention(40);
    QVERIFY(renameUserTimes(100, QStringLiteral("kept")));
    QTRY_VERIFY_WITH_TIMEOUT(!visibleEntries(log).isEmpty()
                                 && visibleEntries(log).constLast()->text.contains(QLatin1String("kept99")), Timeout);
    QCOMPARE(log.retainedCount(), 40);
    QCOMPARE(viewRows(), 40);
    QVERIFY(log.entry(0).text.contains(QLatin1String("kept60")));
}

QTEST_MAIN(TestNotificationLogPanel)
#include "tst_notificationlogpanel.moc"
