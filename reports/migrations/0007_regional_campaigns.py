"""The region collects every district's figures and approved annual analysis."""

import directory.models
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0008_district'),
        ('reports', '0006_district'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DistrictReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('waiting', 'ожидается'), ('sent', 'отправлен в край'), ('returned', 'возвращён на доработку'), ('accepted', 'принят краем')], default='waiting', max_length=20, verbose_name='состояние')),
                ('figures', models.JSONField(blank=True, null=True, verbose_name='показатели на момент отправки')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='отправлен')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='изменено')),
                ('analysis', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reports.approvedreport', verbose_name='утверждённый анализ работы')),
                ('district', models.ForeignKey(default=directory.models.only_district_id, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.district', verbose_name='муниципальное образование')),
            ],
            options={
                'verbose_name': 'ответ муниципального образования',
                'verbose_name_plural': 'ответы муниципальных образований',
                'ordering': ['campaign', 'district__sort_name'],
            },
        ),
        migrations.CreateModel(
            name='DistrictReportTransition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='когда')),
                ('from_status', models.CharField(choices=[('waiting', 'ожидается'), ('sent', 'отправлен в край'), ('returned', 'возвращён на доработку'), ('accepted', 'принят краем')], max_length=20, verbose_name='было')),
                ('to_status', models.CharField(choices=[('waiting', 'ожидается'), ('sent', 'отправлен в край'), ('returned', 'возвращён на доработку'), ('accepted', 'принят краем')], max_length=20, verbose_name='стало')),
                ('comment', models.TextField(blank=True, verbose_name='комментарий')),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='кто')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='reports.districtreport', verbose_name='ответ')),
            ],
            options={
                'verbose_name': 'смена состояния ответа',
                'verbose_name_plural': 'смены состояния ответов',
                'ordering': ['at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalRegionalCampaign',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='название')),
                ('deadline', models.DateField(verbose_name='срок')),
                ('note', models.TextField(blank=True, verbose_name='что просит край')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('year', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.academicyear', verbose_name='учебный год')),
            ],
            options={
                'verbose_name': 'historical сбор данных края',
                'verbose_name_plural': 'historical сборы данных края',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='RegionalCampaign',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='название')),
                ('deadline', models.DateField(verbose_name='срок')),
                ('note', models.TextField(blank=True, verbose_name='что просит край')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='создана')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='изменено')),
                ('year', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='directory.academicyear', verbose_name='учебный год')),
            ],
            options={
                'verbose_name': 'сбор данных края',
                'verbose_name_plural': 'сборы данных края',
                'ordering': ['-deadline', '-id'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDistrictReport',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('status', models.CharField(choices=[('waiting', 'ожидается'), ('sent', 'отправлен в край'), ('returned', 'возвращён на доработку'), ('accepted', 'принят краем')], default='waiting', max_length=20, verbose_name='состояние')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='отправлен')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('analysis', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.approvedreport', verbose_name='утверждённый анализ работы')),
                ('district', models.ForeignKey(blank=True, db_constraint=False, default=directory.models.only_district_id, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='directory.district', verbose_name='муниципальное образование')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('campaign', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.regionalcampaign', verbose_name='сбор данных края')),
            ],
            options={
                'verbose_name': 'historical ответ муниципального образования',
                'verbose_name_plural': 'historical ответы муниципальных образований',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name='districtreport',
            name='campaign',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='reports.regionalcampaign', verbose_name='сбор данных края'),
        ),
        migrations.AddConstraint(
            model_name='districtreport',
            constraint=models.UniqueConstraint(fields=('campaign', 'district'), name='district_report_once_per_campaign'),
        ),
    ]
